#include <stdlib.h>
#include "CHeapInfo.h"

#if defined(__GLIBC__)
#include <malloc.h>

size_t heap_live_bytes(void) {
    struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

void heap_release_free_memory(void) {
    malloc_trim(0);
}
#else
size_t heap_live_bytes(void) { return 0; }

void heap_release_free_memory(void) {}
#endif
