#include "core/heap.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace kanri {

void keepFreedMemoryForReuse()
{
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 32 << 20); // glibc's largest; fixed, no longer adapted
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 16 << 20); // grow a heap by 16 MiB at a time, not by each request
#endif
}

} // namespace kanri
