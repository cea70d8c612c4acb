#ifndef C_HEAP_INFO_H
#define C_HEAP_INFO_H

#include <stddef.h>

/// Bytes allocated with malloc and not yet freed (glibc's mallinfo2), or 0 where unknown.
size_t heap_live_bytes(void);

/// Gives the pages malloc holds free back to the system (glibc's malloc_trim); elsewhere nothing.
void heap_release_free_memory(void);

#endif
