// The SHA-256 compression function on the x86 SHA extensions (SHA-NI), for SocaiStore's SHA256.
//
// Hashing every journal line is what `socai verify` spends its time on; the CPU instructions do
// it about five times faster than the portable Swift code. This target is only that function and
// the check whether the CPU has the instructions: SocaiStore's SHA256 chooses at run time, and
// keeps its plain-Swift compression function for CPUs without them and for other architectures.

#ifndef CSOCAI_SHA_H
#define CSOCAI_SHA_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU can run `csocai_sha256_compress_hardware` (SHA extensions, SSSE3 and SSE4.1),
/// 0 otherwise (and always 0 on architectures other than x86).
int csocai_sha256_hardware_available(void);

/// Compresses `blocks` consecutive 64-byte blocks at `data` into `state` (the eight working words
/// h0…h7 of FIPS 180-4, in order). Call only when `csocai_sha256_hardware_available()` is 1.
void csocai_sha256_compress_hardware(uint32_t state[8], const uint8_t *data, size_t blocks);

/// The 64 round constants of FIPS 180-4 §4.2.2, for the portable compression function too.
const uint32_t *csocai_sha256_round_constants(void);

#endif
