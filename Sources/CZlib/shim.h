// zlib (Debian's zlib1g-dev): Duijie uses its crc32 for the index's section checksums.
#include <zlib.h>
