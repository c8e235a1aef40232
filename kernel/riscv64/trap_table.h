#ifndef TRAP_TABLE_H
#define TRAP_TABLE_H

/* Point mtvec at the generated table in vectored mode. */
void trap_table_init(void);

#endif
