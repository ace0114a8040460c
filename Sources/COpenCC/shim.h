#ifndef DUIJIE_COPENCC_SHIM_H
#define DUIJIE_COPENCC_SHIM_H
// OpenCC's C interface (Debian's libopencc-dev): traditional → simplified Chinese conversion.
// Only DuijieText imports this module.
#include <opencc/opencc.h>
#endif
