/*
 * sha256_x86_asm.S - the block loop of the SHA-256 x16 lane kernel
 * (AVX-512F/BW: sixteen messages, one 32-bit word of each in every zmm
 * register) in assembly, every register placed by hand:
 *
 * void sha256_x16_blocks_avx512_asm(uint32_t st[128],
 *                                   const uint8_t *const p[16],
 *                                   size_t nblocks);
 *
 * st: the chaining values transposed (st[16*j + i] is word j of lane i),
 * updated in place; p[i]: lane i's blocks, nblocks of them (0 is fine).
 * The rounds are those of the C kernel (sha2_x86_avx512_lanes.c,
 * sha2_lanes.h); the C function around this one transposes st and is
 * the entry point cpu.c picks.
 *
 * Why assembly: the C kernel keeps the schedule in memory (GCC spills it
 * and LANES_IN_MEMORY pins it there for wiping), and isa-l_crypto's x16
 * ran 16 x 64 KiB in 0.92-0.97 of its time on AMD Zen 4. Here zmm16-31
 * hold the sixteen schedule words (W[t+16] replaces W[t] in its register
 * right after round t reads it), zmm0-7 the working variables, zmm8-15
 * temporaries, and K is a broadcast memory operand. Each round sums the
 * next round's h + K + W from g before Ch, so Ch can overwrite g (dead
 * then: it is the next round's h register, which gets the new a), except
 * in the block's last round, whose g is the final h.
 *
 * A block's 16 rows (lane i's 64 bytes) are loaded into zmm16-31 and
 * byte-swapped during the last 16 rounds of the block before (the first
 * block's before the loop), each into the schedule register the round
 * before read for the last time, as isa-l's x16 does: with the loads at
 * the top of the loop instead, a block took 1.15x as long (19.4 against
 * 16.9 ns a lane block on Zen 4, hmac-bench-picks), the rounds alone
 * 16.5. At the top of the loop the rows are transposed (dword unpacks
 * into zmm0-15, qword unpacks back, then 128-bit shuffles in place), so
 * word j of every lane ends in zmm16+j; the chaining values come from st
 * after that (the transpose uses zmm0-7) and go back to it after the
 * feed-forward.
 *
 * zmm16-31 are cleared before returning (message words; for HMAC, key
 * pads pass through lane kernels) and vzeroall clears the rest. No stack
 * is used but Win64's save area. CT: no branch but the block count's, no
 * address but the lane pointers' (and their offset) and the constants'.
 */
#include "x86_asm.h"

/* Round t on working variables a..h: k = t, w1 the register of W[t+1]
 * (slot t+1), hk holding h + K[t] + W[t] from the previous round, hkn
 * receiving the next round's (unless last). zmm8-11 are scratch. */
.macro X16_ROUND a, b, c, d, e, f, g, h, k, w1, hk, hkn, last
.if !\last
    vpaddd      (4*(\k+1))(%rax){1to16}, \g, \hkn
    vpaddd      \w1, \hkn, \hkn                 /* next h + K + W */
.endif
    vprord      $6, \e, %zmm8
    vprord      $11, \e, %zmm9
    vprord      $25, \e, %zmm10
    vpternlogd  $0x96, %zmm10, %zmm9, %zmm8     /* Sigma1(e) */
.if \last
    /* g is the block's final h: Ch into a copy of e */
    vmovdqa32   \e, %zmm9
    vpternlogd  $0xca, \g, \f, %zmm9            /* Ch(e,f,g) */
    vpaddd      %zmm9, \hk, \hk
.else
    vpternlogd  $0xb8, \f, \e, \g               /* g = Ch(e,f,g) */
    vpaddd      \g, \hk, \hk
.endif
    vpaddd      %zmm8, \hk, \hk                  /* T1 */
    vpaddd      \hk, \d, \d                     /* the next e */
    vprord      $2, \a, \h
    vprord      $13, \a, %zmm9
    vprord      $22, \a, %zmm10
    vpternlogd  $0x96, %zmm10, %zmm9, \h        /* Sigma0(a) */
    vmovdqa32   \a, %zmm11
    vpternlogd  $0xe8, \c, \b, %zmm11           /* Maj(a,b,c) */
    vpaddd      %zmm11, \h, \h
    vpaddd      \hk, \h, \h                     /* the next a */
.endm

/* wt = W[t] becomes W[t+16] = W[t] + sigma0(W[t+1]) + W[t+9] +
 * sigma1(W[t+14]); zmm10, zmm14 and zmm15 are scratch. */
.macro X16_SCHED wt, w1, w9, w14
    vprord      $17, \w14, %zmm14
    vprord      $19, \w14, %zmm15
    vpsrld      $10, \w14, %zmm10
    vpternlogd  $0x96, %zmm10, %zmm15, %zmm14
    vpaddd      %zmm14, \wt, \wt
    vpaddd      \w9, \wt, \wt
    vprord      $7, \w1, %zmm14
    vprord      $18, \w1, %zmm15
    vpsrld      $3, \w1, %zmm10
    vpternlogd  $0x96, %zmm10, %zmm15, %zmm14
    vpaddd      %zmm14, \wt, \wt
.endm

.macro X16_STEP a, b, c, d, e, f, g, h, k, hk, hkn, wt, w1, w9, w14, sched, last, load, i
    X16_ROUND \a, \b, \c, \d, \e, \f, \g, \h, \k, \w1, \hk, \hkn, \last
.if \sched
    X16_SCHED \wt, \w1, \w9, \w14
.endif
.if \load
    X16_LOAD \wt, \i, 64
.endif
.endm

/* Rounds k..k+15, the working variables renamed instead of moved (back
 * in place after eight), hk alternating between zmm12 and zmm13;
 * scheduling W[t+16] when sched is 1; last: round k+15 is the block's
 * last (no next h + K + W); load (the last sixteen rounds, when a block
 * follows): round 48+i loads that block's row i into slot i, which the
 * round before read for the last time. */
.macro X16_ROUNDS16 k, sched, last, load
    X16_STEP %zmm0, %zmm1, %zmm2, %zmm3, %zmm4, %zmm5, %zmm6, %zmm7, \k+0, %zmm12, %zmm13, %zmm16, %zmm17, %zmm25, %zmm30, \sched, 0, \load, 0
    X16_STEP %zmm7, %zmm0, %zmm1, %zmm2, %zmm3, %zmm4, %zmm5, %zmm6, \k+1, %zmm13, %zmm12, %zmm17, %zmm18, %zmm26, %zmm31, \sched, 0, \load, 1
    X16_STEP %zmm6, %zmm7, %zmm0, %zmm1, %zmm2, %zmm3, %zmm4, %zmm5, \k+2, %zmm12, %zmm13, %zmm18, %zmm19, %zmm27, %zmm16, \sched, 0, \load, 2
    X16_STEP %zmm5, %zmm6, %zmm7, %zmm0, %zmm1, %zmm2, %zmm3, %zmm4, \k+3, %zmm13, %zmm12, %zmm19, %zmm20, %zmm28, %zmm17, \sched, 0, \load, 3
    X16_STEP %zmm4, %zmm5, %zmm6, %zmm7, %zmm0, %zmm1, %zmm2, %zmm3, \k+4, %zmm12, %zmm13, %zmm20, %zmm21, %zmm29, %zmm18, \sched, 0, \load, 4
    X16_STEP %zmm3, %zmm4, %zmm5, %zmm6, %zmm7, %zmm0, %zmm1, %zmm2, \k+5, %zmm13, %zmm12, %zmm21, %zmm22, %zmm30, %zmm19, \sched, 0, \load, 5
    X16_STEP %zmm2, %zmm3, %zmm4, %zmm5, %zmm6, %zmm7, %zmm0, %zmm1, \k+6, %zmm12, %zmm13, %zmm22, %zmm23, %zmm31, %zmm20, \sched, 0, \load, 6
    X16_STEP %zmm1, %zmm2, %zmm3, %zmm4, %zmm5, %zmm6, %zmm7, %zmm0, \k+7, %zmm13, %zmm12, %zmm23, %zmm24, %zmm16, %zmm21, \sched, 0, \load, 7
    X16_STEP %zmm0, %zmm1, %zmm2, %zmm3, %zmm4, %zmm5, %zmm6, %zmm7, \k+8, %zmm12, %zmm13, %zmm24, %zmm25, %zmm17, %zmm22, \sched, 0, \load, 8
    X16_STEP %zmm7, %zmm0, %zmm1, %zmm2, %zmm3, %zmm4, %zmm5, %zmm6, \k+9, %zmm13, %zmm12, %zmm25, %zmm26, %zmm18, %zmm23, \sched, 0, \load, 9
    X16_STEP %zmm6, %zmm7, %zmm0, %zmm1, %zmm2, %zmm3, %zmm4, %zmm5, \k+10, %zmm12, %zmm13, %zmm26, %zmm27, %zmm19, %zmm24, \sched, 0, \load, 10
    X16_STEP %zmm5, %zmm6, %zmm7, %zmm0, %zmm1, %zmm2, %zmm3, %zmm4, \k+11, %zmm13, %zmm12, %zmm27, %zmm28, %zmm20, %zmm25, \sched, 0, \load, 11
    X16_STEP %zmm4, %zmm5, %zmm6, %zmm7, %zmm0, %zmm1, %zmm2, %zmm3, \k+12, %zmm12, %zmm13, %zmm28, %zmm29, %zmm21, %zmm26, \sched, 0, \load, 12
    X16_STEP %zmm3, %zmm4, %zmm5, %zmm6, %zmm7, %zmm0, %zmm1, %zmm2, \k+13, %zmm13, %zmm12, %zmm29, %zmm30, %zmm22, %zmm27, \sched, 0, \load, 13
    X16_STEP %zmm2, %zmm3, %zmm4, %zmm5, %zmm6, %zmm7, %zmm0, %zmm1, \k+14, %zmm12, %zmm13, %zmm30, %zmm31, %zmm23, %zmm28, \sched, 0, \load, 14
    X16_STEP %zmm1, %zmm2, %zmm3, %zmm4, %zmm5, %zmm6, %zmm7, %zmm0, \k+15, %zmm13, %zmm12, %zmm31, %zmm16, %zmm24, %zmm29, \sched, \last, \load, 15
.endm

/* Row i (lane i's 64 bytes at offset rcx + off) into register w,
 * byte-swapped (zmm15: the mask), with a prefetch four blocks ahead (as
 * the C kernel; past a message's end a prefetch cannot fault). */
.macro X16_LOAD w, i, off
    mov         (8*\i)(%rsi), %r8
    vmovdqu32   \off(%r8,%rcx), \w
    prefetcht0  (\off+256)(%r8,%rcx)
    vpshufb     %zmm15, \w, \w
.endm

/* Transpose, first step: rows r0, r1 into t0 (their words 0, 1, 4, 5,
 * ... interleaved) and t1 (2, 3, 6, 7, ...). */
.macro X16_UNPACK32 r0, r1, t0, t1
    vpunpckldq  \r1, \r0, \t0
    vpunpckhdq  \r1, \r0, \t1
.endm

/* Second step, on four rows' t0..t3: u0..u3 hold words 4c+0..4c+3 of the
 * four rows in 128-bit block c. */
.macro X16_UNPACK64 t0, t1, t2, t3, u0, u1, u2, u3
    vpunpcklqdq \t2, \t0, \u0
    vpunpckhqdq \t2, \t0, \u1
    vpunpcklqdq \t3, \t1, \u2
    vpunpckhqdq \t3, \t1, \u3
.endm

/* Last step, in place: a, b, c, d (u[q], u[4+q], u[8+q], u[12+q]) become
 * words q, 4+q, 8+q, 12+q of all sixteen lanes. */
.macro X16_SHUF4 a, b, c, d, v0, v1, x0, x1
    vshufi32x4  $0x88, \b, \a, \v0
    vshufi32x4  $0xdd, \b, \a, \v1
    vshufi32x4  $0x88, \d, \c, \x0
    vshufi32x4  $0xdd, \d, \c, \x1
    vshufi32x4  $0x88, \x0, \v0, \a
    vshufi32x4  $0xdd, \x0, \v0, \c
    vshufi32x4  $0x88, \x1, \v1, \b
    vshufi32x4  $0xdd, \x1, \v1, \d
.endm

FUNC_BEGIN(SYM(sha256_x16_blocks_avx512_asm))
    _CET_ENDBR
    WIN64_ENTRY3
    test    %rdx, %rdx
    jz      2f
    lea     sha256_asm_k(%rip), %rax
    xor     %ecx, %ecx
    vbroadcasti32x4 sha256_asm_bswap(%rip), %zmm15
    X16_LOAD %zmm16, 0, 0
    X16_LOAD %zmm17, 1, 0
    X16_LOAD %zmm18, 2, 0
    X16_LOAD %zmm19, 3, 0
    X16_LOAD %zmm20, 4, 0
    X16_LOAD %zmm21, 5, 0
    X16_LOAD %zmm22, 6, 0
    X16_LOAD %zmm23, 7, 0
    X16_LOAD %zmm24, 8, 0
    X16_LOAD %zmm25, 9, 0
    X16_LOAD %zmm26, 10, 0
    X16_LOAD %zmm27, 11, 0
    X16_LOAD %zmm28, 12, 0
    X16_LOAD %zmm29, 13, 0
    X16_LOAD %zmm30, 14, 0
    X16_LOAD %zmm31, 15, 0
1:
    /* rows -> zmm0-15 (pairs) -> zmm16-31 (quads) -> words, in place */
    X16_UNPACK32 %zmm16, %zmm17, %zmm0, %zmm1
    X16_UNPACK32 %zmm18, %zmm19, %zmm2, %zmm3
    X16_UNPACK32 %zmm20, %zmm21, %zmm4, %zmm5
    X16_UNPACK32 %zmm22, %zmm23, %zmm6, %zmm7
    X16_UNPACK32 %zmm24, %zmm25, %zmm8, %zmm9
    X16_UNPACK32 %zmm26, %zmm27, %zmm10, %zmm11
    X16_UNPACK32 %zmm28, %zmm29, %zmm12, %zmm13
    X16_UNPACK32 %zmm30, %zmm31, %zmm14, %zmm15
    X16_UNPACK64 %zmm0, %zmm1, %zmm2, %zmm3, %zmm16, %zmm17, %zmm18, %zmm19
    X16_UNPACK64 %zmm4, %zmm5, %zmm6, %zmm7, %zmm20, %zmm21, %zmm22, %zmm23
    X16_UNPACK64 %zmm8, %zmm9, %zmm10, %zmm11, %zmm24, %zmm25, %zmm26, %zmm27
    X16_UNPACK64 %zmm12, %zmm13, %zmm14, %zmm15, %zmm28, %zmm29, %zmm30, %zmm31
    X16_SHUF4 %zmm16, %zmm20, %zmm24, %zmm28, %zmm0, %zmm1, %zmm2, %zmm3
    X16_SHUF4 %zmm17, %zmm21, %zmm25, %zmm29, %zmm4, %zmm5, %zmm6, %zmm7
    X16_SHUF4 %zmm18, %zmm22, %zmm26, %zmm30, %zmm8, %zmm9, %zmm10, %zmm11
    X16_SHUF4 %zmm19, %zmm23, %zmm27, %zmm31, %zmm12, %zmm13, %zmm14, %zmm15
    .irp i, 0, 1, 2, 3, 4, 5, 6, 7
    vmovdqu32   64*\i(%rdi), %zmm\i
    .endr
    vpaddd      (%rax){1to16}, %zmm7, %zmm12
    vpaddd      %zmm16, %zmm12, %zmm12          /* h + K[0] + W[0] */
    X16_ROUNDS16 0, 1, 0, 0
    X16_ROUNDS16 16, 1, 0, 0
    X16_ROUNDS16 32, 1, 0, 0
    cmp     $1, %rdx
    je      3f
    /* Another block follows: its rows load during the last rounds (the
     * mask again: zmm15 was the schedule's scratch), so the transpose at
     * the top finds them there. */
    vbroadcasti32x4 sha256_asm_bswap(%rip), %zmm15
    X16_ROUNDS16 48, 0, 1, 1
    .irp i, 0, 1, 2, 3, 4, 5, 6, 7
    vpaddd      64*\i(%rdi), %zmm\i, %zmm\i
    vmovdqu32   %zmm\i, 64*\i(%rdi)
    .endr
    add     $64, %rcx
    dec     %rdx
    jmp     1b
3:
    X16_ROUNDS16 48, 0, 1, 0
    .irp i, 0, 1, 2, 3, 4, 5, 6, 7
    vpaddd      64*\i(%rdi), %zmm\i, %zmm\i
    vmovdqu32   %zmm\i, 64*\i(%rdi)
    .endr
    LANES_CLEAR zmm
2:
    WIN64_EXIT3
    ret
FUNC_END(SYM(sha256_x16_blocks_avx512_asm))

    RODATA
    .p2align 6
/* FIPS 180-4, section 4.2.2 (the same K256 as sha2_constants.h). */
sha256_asm_k:
    .long 0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5
    .long 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174
    .long 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da
    .long 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967
    .long 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85
    .long 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070
    .long 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3
    .long 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
/* vpshufb: byte-reverse each 32-bit word */
sha256_asm_bswap:
    .byte 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12

X86_ASM_END
