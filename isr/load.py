"""Load a user's spec module from its file, turning Python errors into spec errors.

Whatever the spec does while it runs, the user gets a SpecError naming a file
and a line > 0: a Python error at the spec's statement that led to it (with
the line of the spec's helper function that raised it) or at the line of a
module the spec imports; sys.exit() and a raised KeyboardInterrupt refused;
VECTORS at its assignment. A spec that ends its process without an exception
(os._exit) is isr/isolated.py's to report.
"""
import ast
import importlib
import sys
import sysconfig
import traceback
import types
from pathlib import Path

from dataclasses import replace

from isr import arches
from isr.spec import Binding, Where
from isr.validate import SpecError



def arch_model(name):
    try:
        return arches.model(name)
    except KeyError as error:
        raise SpecError([error.args[0]]) from None


def same_file(a, b):
    """Python records a module's file as it was found (often absolute); doit
    passes the spec relative to the repository: compare where they point."""
    return Path(a).resolve() == Path(b).resolve()


def shown(file):
    """A file as messages name it: relative to the working directory when inside it."""
    try:
        return str(Path(file).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(file)


def _not_the_users():
    """Files whose frames are never the user's line: isr's own modules and Python's library."""
    ours = {str(Path(m.__file__).resolve()) for name, m in list(sys.modules.items())
            if (name == "isr" or name.startswith("isr.")) and getattr(m, "__file__", None)}
    libraries = {str(Path(sysconfig.get_paths()[k]).resolve()) for k in ("stdlib", "purelib", "platlib")}
    return ours, libraries


def _users_frame(error, path):
    """(file, line) of the innermost frame in the user's own code, and of the
    outermost in the spec: the statement of the spec that led there, even
    through a helper function; either may be None."""
    ours, libraries = _not_the_users()
    frames = traceback.extract_tb(error.__traceback__)

    def users(frame):
        resolved = str(Path(frame.filename).resolve())
        return resolved not in ours and not any(resolved.startswith(lib + "/") for lib in libraries) \
            and not frame.filename.startswith("<")
    in_spec = [f for f in frames if same_file(f.filename, path)]
    user = [f for f in frames if users(f) or same_file(f.filename, path)]
    innermost = user[-1] if user else None
    return innermost, (in_spec[0] if in_spec else None)


def _describe(error):
    try:
        text = str(error)
    except Exception:  # an exception whose str() fails still gets named
        text = ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _broke(error, path, what):
    """The problem for an exception the spec raised: at the spec's statement
    that led to it; where it was raised too, when that is elsewhere."""
    frame, spec_frame = _users_frame(error, path)
    line = spec_frame.lineno if spec_frame else (frame.lineno if frame else 1)
    if frame is None or frame is spec_frame:
        return f"{path}:{line or 1}: {what}"
    if same_file(frame.filename, path):       # in a helper function of the spec
        return f"{path}:{line}: {what} (raised in {frame.name}() at line {frame.lineno})"
    via = f" (reached from {path}:{line})" if spec_frame else ""
    return f"{shown(frame.filename)}:{frame.lineno}: {what}{via}"


def _run(path):
    """Execute the spec file as a module; return it. Compiled from its source on
    every run, never from __pycache__: the import system keys its bytecode by the
    file's mtime in whole seconds and its size, so an edit of the same length
    within a second (ist=1 -> ist=3) would run the old spec and build it."""
    module = types.ModuleType(f"_isr_spec_{path.stem}")
    module.__file__ = str(path)
    try:
        exec(compile(path.read_bytes(), str(path), "exec", dont_inherit=True), module.__dict__)
    except SyntaxError as error:
        where = path if not error.filename or same_file(error.filename, path) else shown(error.filename)
        raise SpecError([f"{where}:{error.lineno or 1}: syntax error: {error.msg}"]) from None
    except SystemExit as error:
        raise SpecError([_broke(error, path, f"the spec calls sys.exit({error.code!r}): a spec only declares "
                                             f"VECTORS, and exiting would end the build without building "
                                             f"anything; remove the call")]) from None
    except Exception as error:  # the user's file: report where it broke, in their file
        raise SpecError([_broke(error, path, _describe(error))]) from None
    except BaseException as error:  # KeyboardInterrupt and the like: not an error but an ending
        raise SpecError([_broke(error, path, f"the spec raises {_describe(error)}, which stops whatever runs "
                                             f"it as Ctrl-C does; a spec only declares VECTORS: remove the "
                                             f"raise")]) from None
    return module


def _vectors_lines(path):
    """Line of the VECTORS assignment and of each element when it is a literal list ({} if none)."""
    try:
        tree = ast.parse(path.read_text())
    except (SyntaxError, ValueError, UnicodeDecodeError):
        return 1, []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
        if any(isinstance(t, ast.Name) and t.id == "VECTORS" for t in targets):
            value = node.value
            elements = [e.lineno for e in value.elts] if isinstance(value, (ast.List, ast.Tuple)) else []
            return node.lineno, elements
    return 1, []


def load_bindings(path):
    """Execute the spec file and return its VECTORS list."""
    return load_spec(path)[0]


def load_spec(path):
    """Execute the spec file; return (its VECTORS list, where VECTORS is)."""
    path = Path(path)
    if not path.is_file():
        raise SpecError([f"{path}:1: spec file not found; create it with a VECTORS list"])
    module = _run(path)
    line, elements = _vectors_lines(path)
    bindings = getattr(module, "VECTORS", None)
    if not isinstance(bindings, (list, tuple)):
        what = "defines no VECTORS list" if bindings is None else \
            f"VECTORS is a {type(bindings).__name__}, not a list"
        raise SpecError([f"{path}:{line}: {what}; write VECTORS = [exception(...), irq(...), ...]"])
    strangers = [f"{path}:{elements[i] if i < len(elements) else line}: VECTORS[{i}] is {_short(b)}, "
                 f"not a binding; build it with exception(), irq() or interrupt() from isr.spec"
                 for i, b in enumerate(bindings) if not isinstance(b, Binding)]
    if strangers:
        raise SpecError(strangers)
    # Name the spec as the user gave it; a binding made in another module keeps that module's file.
    return [replace(b, where=Where(str(path) if same_file(b.where.file, path) else shown(b.where.file),
                                   b.where.line)) for b in bindings], Where(str(path), line)


def _short(value, limit=60):
    try:
        text = repr(value)
    except Exception:
        text = f"a {type(value).__name__}"
    return text if len(text) <= limit else text[:limit] + "..."
