"""ISR spec language, per-arch facts, validation and the emitters of build/<arch>/gen/."""
