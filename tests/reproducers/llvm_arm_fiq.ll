; tools/findings.py LLVM_FIQ_RETURN_FIRST: an ARM FIQ handler in LLVM IR, as a
; language front end without clang's alignstack and frame pointer emits it.
; LLVM schedules its return, `subs pc, lr, #4`, before the load, add and store.
; Build: clang-N --target=armv7a-none-eabi -x ir -O2 -S (typed pointers, so
; that LLVM 14 reads it as LLVM 22 does).
@counter = global i32 0

define void @fiq_handler() #0 {
  %v = load volatile i32, i32* @counter
  %n = add i32 %v, 1
  store volatile i32 %n, i32* @counter
  ret void
}

attributes #0 = { nounwind "interrupt"="FIQ" "frame-pointer"="none" }
