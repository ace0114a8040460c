#ifndef DUIJIE_CLIBFUZZER_H
#define DUIJIE_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, from the compiler's libclang_rt.fuzzer (linked by -sanitize=fuzzer):
/// parses libFuzzer's command line and runs `callback` on each input, as libFuzzer's own
/// `main` does. Calling it from a program's own `main` lets SwiftPM link the executable as usual.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
