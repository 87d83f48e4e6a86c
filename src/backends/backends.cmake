# Hardware compression backends. Each is one translation unit compiled with
# its own ISA flags; a compiler or target without the ISA builds without it.
# Appends to HMAC_BACKEND_SOURCES and HMAC_BACKEND_DEFINES (HMAC_HAVE_*),
# which cpu.c (built with default flags) uses to decide what it may
# dispatch to at run time. HMAC_PORTABLE=ON builds none of them.
#
# Each backend is kept only if a probe using its intrinsics compiles with
# its flags: the probe also checks the target architecture, so one list of
# backends serves every target and compiler.

include(CheckCSourceCompiles)

# hmac_probe_backend(<result var> <source file> <define> <flags> <probe code>)
function(hmac_probe_backend var file define flags code)
  set(CMAKE_REQUIRED_FLAGS "")
  foreach(f IN LISTS flags)
    string(APPEND CMAKE_REQUIRED_FLAGS " ${f}")
  endforeach()
  set(CMAKE_REQUIRED_QUIET ON)
  check_c_source_compiles("${code}" ${var})
  if(${var})
    message(STATUS "libhmac: backend ${define} (${file})")
    list(APPEND HMAC_BACKEND_SOURCES ${file})
    list(APPEND HMAC_BACKEND_DEFINES ${define})
    set(HMAC_BACKEND_SOURCES "${HMAC_BACKEND_SOURCES}" PARENT_SCOPE)
    set(HMAC_BACKEND_DEFINES "${HMAC_BACKEND_DEFINES}" PARENT_SCOPE)
    if(flags)
      set_source_files_properties(${file} PROPERTIES COMPILE_OPTIONS "${flags}")
    endif()
  else()
    message(STATUS "libhmac: backend ${define} not supported by this compiler/target")
  endif()
endfunction()

if(HMAC_PORTABLE)
  message(STATUS "libhmac: HMAC_PORTABLE=ON, portable C cores only")
  return()
endif()

if(MSVC AND NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  # MSVC exposes every intrinsic without flags; AVX2 code still wants
  # /arch:AVX2 so that the compiler uses VEX encodings throughout.
  set(_hmac_shani_flags "")
  set(_hmac_avx2_flags "/arch:AVX2")
  set(_hmac_avx2_lanes_flags "/arch:AVX2")
  set(_hmac_avx512_lanes_flags "/arch:AVX512")
  set(_hmac_arm_sha2_flags "")
  set(_hmac_arm_sha512_flags "")
else()
  set(_hmac_shani_flags -msha -mssse3 -msse4.1)
  set(_hmac_avx2_flags -mavx2 -mbmi2)
  set(_hmac_avx2_lanes_flags -mavx2)
  set(_hmac_avx512_lanes_flags -mavx512f -mavx512bw -mavx512vl)
  if(CMAKE_C_COMPILER_ID STREQUAL "GNU")
    # GCC leaves pre-register-allocation scheduling off on x86; for this
    # file (scalar rounds interleaved with the vector schedule) turning it
    # on is worth about 15% (clang schedules this way by default).
    list(APPEND _hmac_avx2_flags -fschedule-insns -fsched-pressure)
  endif()
  set(_hmac_arm_sha2_flags -march=armv8-a+crypto)
  # gcc and clang both put the SHA512 intrinsics under the sha3 extension.
  set(_hmac_arm_sha512_flags -march=armv8.2-a+sha3)
endif()

set(_hmac_x86_includes "
#if !defined(__x86_64__) && !defined(_M_X64)
#error not x86-64
#endif
#if defined(_MSC_VER) && !defined(__clang__)
#include <intrin.h>
#else
#include <immintrin.h>
#endif
")

hmac_probe_backend(HMAC_COMPILES_X86_SHANI ${CMAKE_CURRENT_LIST_DIR}/sha256_x86_shani.c
  HMAC_HAVE_X86_SHANI "${_hmac_shani_flags}" "${_hmac_x86_includes}
int main(void) {
  __m128i a = _mm_set1_epi32(1), b = _mm_set1_epi32(2);
  a = _mm_sha256rnds2_epu32(a, b, _mm_sha256msg2_epu32(_mm_sha256msg1_epu32(a, b), b));
  a = _mm_blend_epi16(_mm_shuffle_epi8(a, b), _mm_alignr_epi8(a, b, 8), 0xf0);
  return _mm_cvtsi128_si32(a);
}")

hmac_probe_backend(HMAC_COMPILES_X86_AVX2 ${CMAKE_CURRENT_LIST_DIR}/sha512_x86_avx2.c
  HMAC_HAVE_X86_AVX2 "${_hmac_avx2_flags}" "${_hmac_x86_includes}
int main(void) {
  __m256i a = _mm256_set1_epi64x(1), b = _mm256_set1_epi64x(2);
  a = _mm256_alignr_epi8(_mm256_permute2x128_si256(a, b, 0x21), _mm256_shuffle_epi8(a, b), 8);
  a = _mm256_add_epi64(_mm256_srli_epi64(a, 3), _mm256_slli_epi64(b, 61));
  return (int)_mm256_extract_epi64(a, 0) + (int)_bzhi_u64((unsigned long long)_mm256_extract_epi64(a, 1), 14);
}")

# Lane kernels for many messages per call (x86-64 only): SHA-256 x16 and
# SHA-512 x8 in AVX-512 (F, BW, VL), SHA-256 x8 and SHA-512 x4 in AVX2.
hmac_probe_backend(HMAC_COMPILES_X86_AVX512_LANES ${CMAKE_CURRENT_LIST_DIR}/sha2_x86_avx512_lanes.c
  HMAC_HAVE_X86_AVX512_LANES "${_hmac_avx512_lanes_flags}" "${_hmac_x86_includes}
int main(void) {
  __m512i a = _mm512_set1_epi64(1), b = _mm512_set1_epi32(2);
  a = _mm512_ternarylogic_epi64(_mm512_ror_epi64(a, 3), _mm512_ror_epi32(b, 5),
                                _mm512_shuffle_epi8(a, b), 0x96);
  a = _mm512_permutex2var_epi64(_mm512_unpacklo_epi32(a, b), b,
                                _mm512_shuffle_i32x4(a, b, 0x88));
  _mm256_storeu_si256((__m256i *)(void *)&b, _mm512_extracti64x4_epi64(a, 1));
  return _mm_cvtsi128_si32(_mm512_castsi512_si128(b));
}")

hmac_probe_backend(HMAC_COMPILES_X86_AVX2_LANES ${CMAKE_CURRENT_LIST_DIR}/sha2_x86_avx2_lanes.c
  HMAC_HAVE_X86_AVX2_LANES "${_hmac_avx2_lanes_flags}" "${_hmac_x86_includes}
int main(void) {
  __m256i a = _mm256_set1_epi64x(1), b = _mm256_set1_epi32(2);
  a = _mm256_permute2x128_si256(_mm256_unpacklo_epi32(a, b), _mm256_unpackhi_epi64(a, b), 0x20);
  a = _mm256_add_epi32(_mm256_shuffle_epi8(a, b), _mm256_slli_epi64(a, 3));
  return _mm256_extract_epi32(a, 1);
}")

set(_hmac_arm_includes "
#if !defined(__aarch64__) && !defined(_M_ARM64)
#error not AArch64
#endif
#include <arm_neon.h>
")

hmac_probe_backend(HMAC_COMPILES_ARM_SHA2 ${CMAKE_CURRENT_LIST_DIR}/sha256_arm_sha2.c
  HMAC_HAVE_ARM_SHA2 "${_hmac_arm_sha2_flags}" "${_hmac_arm_includes}
int main(void) {
  uint32x4_t a = vdupq_n_u32(1), b = vdupq_n_u32(2);
  a = vsha256hq_u32(a, b, vsha256su1q_u32(vsha256su0q_u32(a, b), a, b));
  b = vsha256h2q_u32(b, a, vreinterpretq_u32_u8(vrev32q_u8(vdupq_n_u8(3))));
  return (int)vgetq_lane_u32(b, 0);
}")

hmac_probe_backend(HMAC_COMPILES_ARM_SHA512 ${CMAKE_CURRENT_LIST_DIR}/sha512_arm_sha512.c
  HMAC_HAVE_ARM_SHA512 "${_hmac_arm_sha512_flags}" "${_hmac_arm_includes}
int main(void) {
  uint64x2_t a = vdupq_n_u64(1), b = vdupq_n_u64(2);
  a = vsha512hq_u64(a, b, vsha512su1q_u64(vsha512su0q_u64(a, b), a, vextq_u64(a, b, 1)));
  b = vsha512h2q_u64(b, a, vreinterpretq_u64_u8(vrev64q_u8(vdupq_n_u8(3))));
  return (int)vgetq_lane_u64(b, 0);
}")

# The assembly (sha512_x86_asm.S; sha256_x86_asm.S, the SHA-256 x16 lanes'
# block loop; GNU assembler syntax, platform macros in x86_asm.h): x86-64
# with a GNU-compatible compiler driver (gcc, clang; ELF, Mach-O, MinGW),
# never MSVC, which keeps the intrinsics backend. The probe assembles the
# newest instructions the file uses; x32 (ILP32) is excluded, the file
# assumes 64-bit pointers. It comes in addition to sha512_x86_avx2.c,
# which stays the reference the tests compare it with.
if(HMAC_COMPILES_X86_AVX2 AND NOT MSVC)
  set(CMAKE_REQUIRED_FLAGS "")
  set(CMAKE_REQUIRED_QUIET ON)
  check_c_source_compiles("
#if !defined(__x86_64__) || defined(__ILP32__)
#error not x86-64
#endif
int main(void) {
  __asm__ volatile(\"rorx $1, %rax, %rbx\");
  __asm__ volatile(\"andn %rax, %rbx, %rcx\");
  __asm__ volatile(\"vprorq $1, %ymm0, %ymm1\");
  __asm__ volatile(\"vpternlogq $0x96, %ymm0, %ymm1, %ymm2\");
  __asm__ volatile(\"vinserti128 $1, %xmm0, %ymm1, %ymm1\");
  __asm__ volatile(\"vpalignr $8, %zmm0, %zmm1, %zmm2\");
  __asm__ volatile(\"vbroadcasti32x4 (%rsp), %zmm3\");
  return 0;
}" HMAC_ASSEMBLES_X86_SHA512)
  if(HMAC_ASSEMBLES_X86_SHA512)
    enable_language(ASM)
    message(STATUS "libhmac: backend HMAC_HAVE_X86_ASM (sha512_x86_asm.S, sha256_x86_asm.S)")
    list(APPEND HMAC_BACKEND_SOURCES ${CMAKE_CURRENT_LIST_DIR}/sha512_x86_asm.S
         ${CMAKE_CURRENT_LIST_DIR}/sha256_x86_asm.S)
    list(APPEND HMAC_BACKEND_DEFINES HMAC_HAVE_X86_ASM)
  else()
    message(STATUS "libhmac: backend HMAC_HAVE_X86_ASM not supported by this compiler/target")
  endif()
endif()
