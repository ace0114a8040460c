// zlib (Debian's zlib1g-dev): Duijie uses its crc32 for the index's section checksums. Named
// apart from ZIPFoundation's own CZlib module, which the benchmark executable also links.
#include <zlib.h>
