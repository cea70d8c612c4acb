#ifndef C_HEAP_INFO_H
#define C_HEAP_INFO_H

#include <stddef.h>

/// Bytes allocated with malloc and not yet freed (glibc's mallinfo2), or 0 where unknown.
size_t heap_live_bytes(void);

#endif
