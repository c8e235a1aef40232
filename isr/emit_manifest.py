"""Emit gen/manifest.json: the contract between generator, checker and tests."""
import json

from isr.guard import guard_symbol


def emit(slots, arch, spec_path, keep=True):
    return json.dumps({
        "arch": arch.NAME,
        "spec": str(spec_path),
        "keep": keep,
        "tables": list(arch.TABLES),
        "vectors": [{
            "vector": s.vector, "name": s.name, "kind": s.kind, "handler": s.handler,
            "style": s.style, "entry": s.entry, "error_code": s.error_code,
            "options": s.options, "table_entry": arch.table_fields(s), "where": s.where,
            "bench": s.bench, "lang": s.lang, "guard": guard_symbol(s, arch) or "",
        } for s in slots],
    }, indent=1) + "\n"
