"""Prove, in the linked ELF, that every arm32 `abi` handler returns the way its vector needs.

A misspelt interrupt kind (interrupt("NMI")) is only a warning in clang and
silent in GCC, and yields a plain function that returns with `bx lr` or
`pop {..., pc}`: the CPU would stay in the exception mode with the wrong
CPSR. So each abi handler's ARM words are decoded (ARMv7-A ARM DDI 0406C):
every return must be an exception return (`subs pc, lr, #N` or `movs pc,
lr`, B9.3.20; or LDM with ^ and PC, B9.3.5) that subtracts the N the arch
model names for the vector (isr/arch_arm32 KIND_RETURN, in the manifest as kind_return), and at least one
must exist. Problems name the vector, the spec line and the symbol.
"""
import struct

from isr import styles
from tools.elf_symbols import Image


def _arm_immediate(insn):
    """The modified immediate of a data-processing instruction (A5.2.4): imm8 rotated right by 2 * rot."""
    rot, imm8 = (insn >> 8) & 0xF, insn & 0xFF
    return ((imm8 >> (2 * rot)) | (imm8 << (32 - 2 * rot))) & 0xFFFFFFFF if rot else imm8


def classify(insn, entry_adjust=0):
    """('exception', N) for an exception return to LR - N, ('plain', text) for an
    ordinary function return, or None for any other instruction."""
    if insn >> 28 == 0xF:                                   # unconditional space: no returns here
        return None
    body = insn & 0x0FFFFFFF
    if body & 0x0FFFF000 == 0x025EF000:                     # SUBS PC, LR, #imm
        return ("exception", _arm_immediate(insn))
    if body == 0x01B0F00E:                                  # MOVS PC, LR
        return ("exception", 0)
    if body == 0x012FFF1E:
        return ("plain", "bx lr")
    if body == 0x01A0F00E:
        return ("plain", "mov pc, lr")
    if body & 0x0FFF0FFF == 0x049D0004 and (insn >> 12) & 0xF == 15:
        return ("plain", "pop {pc}")                       # LDR PC, [SP], #4
    if body & 0x0E100000 == 0x08100000 and insn & 0x8000:  # LDM with PC in the list
        if insn & 0x00400000:                               # ^: SPSR to CPSR
            return ("exception", entry_adjust)
        return ("plain", "pop {..., pc}")
    return None


def _words(image, symbol):
    data = image.read(symbol.address, symbol.size) or b""
    return [struct.unpack_from("<I", data, i)[0] for i in range(0, len(data) - 3, 4)]


def _entry_adjust(words):
    """N where the function starts with SUB LR, LR, #N (then LDM ^ returns to LR - N)."""
    if words and words[0] & 0x0FFFF000 == 0x024EE000:
        return _arm_immediate(words[0])
    return 0


def arm32_problems(image, manifest):
    problems = []
    for slot in manifest["vectors"]:
        if styles.style(slot["style"]).saver != "compiler" or slot["options"].get("kind_return") is None:
            continue
        kind, need = slot["options"]["kind"], slot["options"]["kind_return"]
        where = f"vector {slot['vector']} ({slot['name']}): {slot['where']}: abi handler {slot['handler']}"
        symbol = image.symbols.get(slot["handler"])
        if symbol is None or not symbol.size:
            continue                          # named by the entry checks already
        words = _words(image, symbol)
        adjust = _entry_adjust(words)
        returns = [(symbol.address + 4 * i, classify(w, adjust)) for i, w in enumerate(words)]
        returns = [(address, r) for address, r in returns if r]
        fix = (f"declare it with its prototype from gen/isr.h (ISR_ABI_{kind}, interrupt(\"{kind}\")), "
               f"which returns with `subs pc, lr, #{need}`")
        if not any(r[0] == "exception" for _, r in returns):
            problems.append(f"{where} never makes an exception return; {fix}")
        for address, (form, detail) in returns:
            if form == "plain":
                problems.append(f"{where} returns with `{detail}` at 0x{address:x}, a plain function "
                                f"return that leaves the CPU in the exception mode; {fix}")
            elif detail != need:
                problems.append(f"{where} returns to LR - {detail} at 0x{address:x}, but {slot['name']} needs "
                                f"LR - {need} (interrupt(\"{kind}\")); {fix}")
    return problems


RETURN_CHECKS = {"arm32": arm32_problems}


def check(elf_or_image, manifest):
    """Problems from the arch's return check, or [] for arches without one."""
    check_arch = RETURN_CHECKS.get(manifest["arch"])
    if check_arch is None:
        return []
    image = elf_or_image if isinstance(elf_or_image, Image) else Image(elf_or_image)
    return check_arch(image, manifest)
