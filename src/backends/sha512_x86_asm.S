/*
 * sha512_x86_asm.S - SHA-512 compression for x86-64 in assembly: two
 * entry points, one computing the message schedule with AVX2, one with
 * AVX-512VL (vprorq, vpternlogq). The rounds are scalar (BMI2 rorx/andn)
 * in both; cpu.c picks the variant the CPU supports.
 *
 * Why assembly: the scalar rounds are the whole cost (the schedule
 * hides in the ports they leave free), and their speed depends on the
 * shape of the two dependency chains and on the register allocation
 * (8 state words + 7 temporaries: every GPR but rsp), neither of which
 * compilers keep.
 *
 * Layout: blocks go in pairs. Each ymm register holds two schedule words
 * of the first block in its low half and the same two words of the second
 * block in its high half, so one vector step computes 2 words for 2 blocks
 * and the sigma1 dependency (W[t] needs W[t-2]) never splits a register.
 * The schedule for both blocks is computed during the first block's
 * rounds 0..63 (one step every two rounds) and stored, with K added, in a
 * 1280-byte area on the stack; the second block's rounds then only read
 * it. With an odd count the last block is paired with itself and the
 * second pass skipped. The area is wiped before returning (it holds
 * message words: for HMAC, key-derived ones), and vzeroall clears the
 * vector registers.
 *
 * CT: additions, rotations, boolean operations and fixed shuffles only;
 * every address depends on the round number, never on data; the only
 * branches test the block count.
 *
 * Portable across GNU-assembler targets: ELF, Mach-O and MinGW COFF
 * (x86_asm.h).
 *
 * void sha512_compress_avx2_asm(uint64_t state[8], const uint8_t *blocks,
 *                               size_t nblocks);
 * void sha512_compress_avx512_asm(same arguments);
 * void sha512_compress2_avx2_asm(uint64_t s1[8], const uint8_t *b1,
 *                                uint64_t s2[8], const uint8_t *b2,
 *                                size_t nblocks);  (two streams)
 * void sha512_compress2_avx512_asm(same arguments);
 *
 * With AVX-512VL, a lone block (one block, or the last of an odd count)
 * has its own path, four schedule words to a register (SCHED_ONE).
 *
 * Apart from these, the block loops of the SHA-512 x8 and x4 lane
 * kernels (AVX-512F/BW, eight messages in zmm registers; AVX-512VL, four
 * in ymm registers; at the end of the file, one set of round macros):
 * void sha512_x8_blocks_avx512_asm(uint64_t st[64],
 *                                  const uint8_t *const p[8],
 *                                  size_t nblocks);
 * void sha512_x4_blocks_avx512vl_asm(uint64_t st[32],
 *                                    const uint8_t *const p[4],
 *                                    size_t nblocks);
 */
#include "x86_asm.h"

/* Stack frame, from the 64-byte aligned rsp: W+K (1280 bytes for a pair
 * of blocks, 2560 for four), then the rest. Under a page: no probe. */
#define WK_BYTES 2560
#define OFF_STATE 2560 /* state pointer */
#define OFF_IN 2568    /* current block */
#define OFF_END 2576   /* end of the input */
#define OFF_RSP 2584   /* rsp on entry (after the pushes) */
#define OFF_WIPE 2592  /* bytes of W+K written: what to wipe */
#define OFF_STATE2 2600 /* two streams: the second state */
#define OFF_XMM 2608   /* Win64: xmm6-15 */
#define OFF_IN2 2768   /* two streams: the second stream's block */
#define FRAME (2776 + 64)

/*
 * One round. off: where W[i]+K[i] is, from rsp+rsi*sc. rax, rbx, rcx are
 * scratch; y receives a^b, which is b^c in the next round; py holds this
 * round's b^c.
 *
 * The sums are arranged for two 4-cycle dependency chains instead of the
 * textbook 5: d (the next e) gets h+W+K before Ch and Sigma1 are known,
 * then each of them as it arrives (Ch and Sigma1 are added to d and to h
 * separately: two more additions, cheaper than the cycle); and
 * Maj(a,b,c) = (b&c) + (a&(b^c)) (the two terms never share a bit), so
 * h takes T1 + (b&c) early and only a&(b^c) and Sigma0(a) depend on a.
 * Ch(e,f,g) = g ^ (e & (f^g)).
 */
.macro ROUND a, b, c, d, e, f, g, h, off, y, py, sc=1
    add     \off(%rsp,%rsi,\sc), \h      /* h += W[i]+K[i] */
    rorx    $41, \e, %rax
    rorx    $18, \e, %rbx
    mov     \f, %rcx
    xor     \g, %rcx
    add     \h, \d
    and     \e, %rcx
    xor     %rbx, %rax
    rorx    $14, \e, %rbx
    xor     \g, %rcx                   /* Ch(e,f,g) */
    xor     %rbx, %rax                  /* Sigma1(e) */
    add     %rcx, \d
    add     %rcx, \h
    mov     \b, %rcx
    add     %rax, \d                   /* d += T1 */
    and     \c, %rcx                   /* b&c */
    add     %rax, \h                   /* h = T1 */
    and     \a, \py                    /* a&(b^c) */
    rorx    $39, \a, %rax
    add     %rcx, \h
    rorx    $34, \a, %rbx
    mov     \a, \y
    add     \py, \h                    /* h = T1 + Maj(a,b,c) */
    xor     %rbx, %rax
    rorx    $28, \a, %rbx
    xor     \b, \y                     /* a^b */
    xor     %rbx, %rax                  /* Sigma0(a) */
    add     %rax, \h
.endm

/*
 * One schedule step for both blocks: x0 = W[t-16..t-15] becomes W[t..t+1]
 * (x1 = W[t-14..t-13], x4 = W[t-8..t-7], x5 = W[t-6..t-5],
 * x7 = W[t-2..t-1]), and W+K goes to off(rsp,rsi), K from off(rbp,rsi).
 * ymm8-11 are scratch; ymm13 is the rotate-by-8 byte shuffle.
 */
.macro SCHED_AVX2 x0, x1, x4, x5, x7, off
    vpalignr $8, \x0, \x1, %ymm8        /* W[t-15..t-14] */
    vpalignr $8, \x4, \x5, %ymm9        /* W[t-7..t-6] */
    vpaddq  %ymm9, \x0, \x0
    vpsrlq  $1, %ymm8, %ymm9
    vpsllq  $63, %ymm8, %ymm10
    vpxor   %ymm10, %ymm9, %ymm9
    vpshufb %ymm13, %ymm8, %ymm10
    vpsrlq  $7, %ymm8, %ymm8
    vpxor   %ymm10, %ymm9, %ymm9
    vpxor   %ymm8, %ymm9, %ymm9         /* sigma0 */
    vpaddq  %ymm9, \x0, \x0
    vpsrlq  $19, \x7, %ymm8
    vpsllq  $45, \x7, %ymm9
    vpsrlq  $61, \x7, %ymm10
    vpsllq  $3, \x7, %ymm11
    vpxor   %ymm9, %ymm8, %ymm8
    vpxor   %ymm11, %ymm10, %ymm10
    vpsrlq  $6, \x7, %ymm9
    vpxor   %ymm10, %ymm8, %ymm8
    vpxor   %ymm9, %ymm8, %ymm8         /* sigma1 */
    vpaddq  %ymm8, \x0, \x0
    vpaddq  \off(%rbp,%rsi), \x0, %ymm9
    vmovdqa %ymm9, \off(%rsp,%rsi)
.endm

.macro SCHED_AVX512 x0, x1, x4, x5, x7, off
    vpalignr $8, \x0, \x1, %ymm8
    vpalignr $8, \x4, \x5, %ymm9
    vpaddq  %ymm9, \x0, \x0
    vprorq  $1, %ymm8, %ymm9
    vprorq  $8, %ymm8, %ymm10
    vpsrlq  $7, %ymm8, %ymm8
    vpternlogq $0x96, %ymm10, %ymm9, %ymm8  /* sigma0: three-way xor */
    vpaddq  %ymm8, \x0, \x0
    vprorq  $19, \x7, %ymm9
    vprorq  $61, \x7, %ymm10
    vpsrlq  $6, \x7, %ymm11
    vpternlogq $0x96, %ymm10, %ymm9, %ymm11 /* sigma1 */
    vpaddq  %ymm11, \x0, \x0
    vpaddq  \off(%rbp,%rsi), \x0, %ymm9
    vmovdqa %ymm9, \off(%rsp,%rsi)
.endm

.macro STEP sched, x0, x1, x4, x5, x7, off
.ifnc \sched, none
    \sched \x0, \x1, \x4, \x5, \x7, \off
.endif
.endm

/*
 * Sixteen rounds reading W+K at base(rsp,rsi) onwards (one 32-byte slot
 * per two rounds: base 0 for the first block of the pair, 16 for the
 * second); with a schedule macro, eight steps writing the slots 256 bytes
 * further on. State: a..h in r8..r15 at the start and at the end; the
 * register names rotate by one each round.
 */
.macro ROUNDS16 base, sched
    ROUND %r8, %r9, %r10, %r11, %r12, %r13, %r14, %r15, \base+0, %rdx, %rdi
    ROUND %r15, %r8, %r9, %r10, %r11, %r12, %r13, %r14, \base+8, %rdi, %rdx
    STEP \sched, %ymm0, %ymm1, %ymm4, %ymm5, %ymm7, 256
    ROUND %r14, %r15, %r8, %r9, %r10, %r11, %r12, %r13, \base+32, %rdx, %rdi
    ROUND %r13, %r14, %r15, %r8, %r9, %r10, %r11, %r12, \base+40, %rdi, %rdx
    STEP \sched, %ymm1, %ymm2, %ymm5, %ymm6, %ymm0, 288
    ROUND %r12, %r13, %r14, %r15, %r8, %r9, %r10, %r11, \base+64, %rdx, %rdi
    ROUND %r11, %r12, %r13, %r14, %r15, %r8, %r9, %r10, \base+72, %rdi, %rdx
    STEP \sched, %ymm2, %ymm3, %ymm6, %ymm7, %ymm1, 320
    ROUND %r10, %r11, %r12, %r13, %r14, %r15, %r8, %r9, \base+96, %rdx, %rdi
    ROUND %r9, %r10, %r11, %r12, %r13, %r14, %r15, %r8, \base+104, %rdi, %rdx
    STEP \sched, %ymm3, %ymm4, %ymm7, %ymm0, %ymm2, 352
    ROUND %r8, %r9, %r10, %r11, %r12, %r13, %r14, %r15, \base+128, %rdx, %rdi
    ROUND %r15, %r8, %r9, %r10, %r11, %r12, %r13, %r14, \base+136, %rdi, %rdx
    STEP \sched, %ymm4, %ymm5, %ymm0, %ymm1, %ymm3, 384
    ROUND %r14, %r15, %r8, %r9, %r10, %r11, %r12, %r13, \base+160, %rdx, %rdi
    ROUND %r13, %r14, %r15, %r8, %r9, %r10, %r11, %r12, \base+168, %rdi, %rdx
    STEP \sched, %ymm5, %ymm6, %ymm1, %ymm2, %ymm4, 416
    ROUND %r12, %r13, %r14, %r15, %r8, %r9, %r10, %r11, \base+192, %rdx, %rdi
    ROUND %r11, %r12, %r13, %r14, %r15, %r8, %r9, %r10, \base+200, %rdi, %rdx
    STEP \sched, %ymm6, %ymm7, %ymm2, %ymm3, %ymm5, 448
    ROUND %r10, %r11, %r12, %r13, %r14, %r15, %r8, %r9, \base+224, %rdx, %rdi
    ROUND %r9, %r10, %r11, %r12, %r13, %r14, %r15, %r8, \base+232, %rdi, %rdx
    STEP \sched, %ymm7, %ymm0, %ymm3, %ymm4, %ymm6, 480
.endm

/*
 * One block alone (AVX-512VL): the message schedule four words to a ymm
 * register, one step every four rounds, W+K in a 640-byte area (8 bytes
 * a round). A lone block is what HMAC's short messages are made of
 * (the padded message, then the outer hash), and paired with itself it
 * paid for a second copy of the schedule and of W+K. x0..x3 hold
 * W[t-16..t-1], four words each; x0 becomes W[t..t+3]. W[t+2] needs
 * W[t] (sigma1 reads two words back), so sigma1 runs twice: on
 * W[t-2..t-1] for the low two words, then on the new W[t..t+1] for the
 * high two. ymm14 is zero (VALIGNQ shifts it in); ymm8-11 are scratch.
 */
.macro SCHED_ONE x0, x1, x2, x3, off
    valignq $1, \x0, \x1, %ymm8        /* W[t-15..t-12] */
    valignq $1, \x2, \x3, %ymm9        /* W[t-7..t-4] */
    vpaddq  %ymm9, \x0, \x0
    vprorq  $1, %ymm8, %ymm9
    vprorq  $8, %ymm8, %ymm10
    vpsrlq  $7, %ymm8, %ymm8
    vpternlogq $0x96, %ymm10, %ymm9, %ymm8  /* sigma0 */
    vpaddq  %ymm8, \x0, \x0
    vprorq  $19, \x3, %ymm9
    vprorq  $61, \x3, %ymm10
    vpsrlq  $6, \x3, %ymm11
    vpternlogq $0x96, %ymm10, %ymm9, %ymm11 /* sigma1(W[t-4..t-1]) */
    valignq $2, %ymm11, %ymm14, %ymm11  /* its top two words, low */
    vpaddq  %ymm11, \x0, \x0            /* W[t..t+1] done */
    vprorq  $19, \x0, %ymm9
    vprorq  $61, \x0, %ymm10
    vpsrlq  $6, \x0, %ymm11
    vpternlogq $0x96, %ymm10, %ymm9, %ymm11 /* sigma1(W[t..t+1]) */
    valignq $2, %ymm14, %ymm11, %ymm11  /* moved up two words */
    vpaddq  %ymm11, \x0, \x0            /* W[t+2..t+3] done */
    vpaddq  \off(%rbp,%rsi), \x0, %ymm9
    vmovdqa %ymm9, \off(%rsp,%rsi)
.endm

/* Sixteen rounds of a lone block, W+K at rsp+rsi onwards; with
 * SCHED_ONE, four steps writing the 128 bytes after them. */
.macro ROUNDS16_ONE sched
    ROUND %r8, %r9, %r10, %r11, %r12, %r13, %r14, %r15, 0, %rdx, %rdi
    ROUND %r15, %r8, %r9, %r10, %r11, %r12, %r13, %r14, 8, %rdi, %rdx
    ROUND %r14, %r15, %r8, %r9, %r10, %r11, %r12, %r13, 16, %rdx, %rdi
    ROUND %r13, %r14, %r15, %r8, %r9, %r10, %r11, %r12, 24, %rdi, %rdx
    STEP1 \sched, %ymm0, %ymm1, %ymm2, %ymm3, 128
    ROUND %r12, %r13, %r14, %r15, %r8, %r9, %r10, %r11, 32, %rdx, %rdi
    ROUND %r11, %r12, %r13, %r14, %r15, %r8, %r9, %r10, 40, %rdi, %rdx
    ROUND %r10, %r11, %r12, %r13, %r14, %r15, %r8, %r9, 48, %rdx, %rdi
    ROUND %r9, %r10, %r11, %r12, %r13, %r14, %r15, %r8, 56, %rdi, %rdx
    STEP1 \sched, %ymm1, %ymm2, %ymm3, %ymm0, 160
    ROUND %r8, %r9, %r10, %r11, %r12, %r13, %r14, %r15, 64, %rdx, %rdi
    ROUND %r15, %r8, %r9, %r10, %r11, %r12, %r13, %r14, 72, %rdi, %rdx
    ROUND %r14, %r15, %r8, %r9, %r10, %r11, %r12, %r13, 80, %rdx, %rdi
    ROUND %r13, %r14, %r15, %r8, %r9, %r10, %r11, %r12, 88, %rdi, %rdx
    STEP1 \sched, %ymm2, %ymm3, %ymm0, %ymm1, 192
    ROUND %r12, %r13, %r14, %r15, %r8, %r9, %r10, %r11, 96, %rdx, %rdi
    ROUND %r11, %r12, %r13, %r14, %r15, %r8, %r9, %r10, 104, %rdi, %rdx
    ROUND %r10, %r11, %r12, %r13, %r14, %r15, %r8, %r9, 112, %rdx, %rdi
    ROUND %r9, %r10, %r11, %r12, %r13, %r14, %r15, %r8, 120, %rdi, %rdx
    STEP1 \sched, %ymm3, %ymm0, %ymm1, %ymm2, 224
.endm

.macro STEP1 sched, x0, x1, x2, x3, off
.ifnc \sched, none
    \sched \x0, \x1, \x2, \x3, \off
.endif
.endm

/* Loads the block at blk into ymm0-3, byte-swapped, and stores W+K for
 * words 0..15 (K in order at rbp). */
.macro LOAD_ONE blk
    .irp j, 0, 1, 2, 3
    vmovdqu 32*\j(\blk), %ymm\j
    vpshufb %ymm12, %ymm\j, %ymm\j
    vpaddq  32*\j(%rbp), %ymm\j, %ymm8
    vmovdqa %ymm8, 32*\j(%rsp)
    .endr
.endm

/* Adds a..h into state[] (pointer in st) and stores the result there.
 * (Every macro here has a named parameter: on Darwin, the assembler reads
 * $1, $2 in a macro without one as positional arguments.) */
.macro ADD_STATE st
    add     0(\st), %r8
    add     8(\st), %r9
    add     16(\st), %r10
    add     24(\st), %r11
    add     32(\st), %r12
    add     40(\st), %r13
    add     48(\st), %r14
    add     56(\st), %r15
    mov     %r8, 0(\st)
    mov     %r9, 8(\st)
    mov     %r10, 16(\st)
    mov     %r11, 24(\st)
    mov     %r12, 32(\st)
    mov     %r13, 40(\st)
    mov     %r14, 48(\st)
    mov     %r15, 56(\st)
.endm

/* Loads the pair's 16 words into ymm0-7 (block at rsi low, block at rcx
 * high), byte-swapped, and stores W+K for words 0..15. */
.macro LOAD_PAIR second
    .irp j, 0, 1, 2, 3, 4, 5, 6, 7
    vmovdqu 16*\j(%rsi), %xmm\j
    vinserti128 $1, 16*\j(\second), %ymm\j, %ymm\j
    vpshufb %ymm12, %ymm\j, %ymm\j
    vpaddq  32*\j(%rbp), %ymm\j, %ymm8
    vmovdqa %ymm8, 32*\j(%rsp)
    .endr
.endm

/*
 * Four blocks at once (AVX-512BW, 512-bit registers), for the bulk of
 * long messages: zmm0-7 hold two words of each of four blocks, one step
 * computes 2 words x 4 blocks, half the vector work per block of the
 * pair schedule. W+K: 64-byte slots at 4*off(rsp,rsi,4), K broadcast
 * from the plain table at off(rbp,rsi).
 */
.macro SCHED_QUAD x0, x1, x4, x5, x7, off
    vpalignr $8, \x0, \x1, %zmm8
    vpalignr $8, \x4, \x5, %zmm9
    vpaddq  %zmm9, \x0, \x0
    vprorq  $1, %zmm8, %zmm9
    vprorq  $8, %zmm8, %zmm10
    vpsrlq  $7, %zmm8, %zmm8
    vpternlogq $0x96, %zmm10, %zmm9, %zmm8
    vpaddq  %zmm8, \x0, \x0
    vprorq  $19, \x7, %zmm9
    vprorq  $61, \x7, %zmm10
    vpsrlq  $6, \x7, %zmm11
    vpternlogq $0x96, %zmm10, %zmm9, %zmm11
    vpaddq  %zmm11, \x0, \x0
    vbroadcasti32x4 \off(%rbp,%rsi), %zmm9
    vpaddq  %zmm9, \x0, %zmm9
    vmovdqa64 %zmm9, 4*\off(%rsp,%rsi,4)
.endm

/* Sixteen rounds of block base/16 of four; with SCHED_QUAD, eight steps. */
.macro ROUNDS16_QUAD base, sched
    ROUND %r8, %r9, %r10, %r11, %r12, %r13, %r14, %r15, \base+0, %rdx, %rdi, 4
    ROUND %r15, %r8, %r9, %r10, %r11, %r12, %r13, %r14, \base+8, %rdi, %rdx, 4
    STEP \sched, %zmm0, %zmm1, %zmm4, %zmm5, %zmm7, 128
    ROUND %r14, %r15, %r8, %r9, %r10, %r11, %r12, %r13, \base+64, %rdx, %rdi, 4
    ROUND %r13, %r14, %r15, %r8, %r9, %r10, %r11, %r12, \base+72, %rdi, %rdx, 4
    STEP \sched, %zmm1, %zmm2, %zmm5, %zmm6, %zmm0, 144
    ROUND %r12, %r13, %r14, %r15, %r8, %r9, %r10, %r11, \base+128, %rdx, %rdi, 4
    ROUND %r11, %r12, %r13, %r14, %r15, %r8, %r9, %r10, \base+136, %rdi, %rdx, 4
    STEP \sched, %zmm2, %zmm3, %zmm6, %zmm7, %zmm1, 160
    ROUND %r10, %r11, %r12, %r13, %r14, %r15, %r8, %r9, \base+192, %rdx, %rdi, 4
    ROUND %r9, %r10, %r11, %r12, %r13, %r14, %r15, %r8, \base+200, %rdi, %rdx, 4
    STEP \sched, %zmm3, %zmm4, %zmm7, %zmm0, %zmm2, 176
    ROUND %r8, %r9, %r10, %r11, %r12, %r13, %r14, %r15, \base+256, %rdx, %rdi, 4
    ROUND %r15, %r8, %r9, %r10, %r11, %r12, %r13, %r14, \base+264, %rdi, %rdx, 4
    STEP \sched, %zmm4, %zmm5, %zmm0, %zmm1, %zmm3, 192
    ROUND %r14, %r15, %r8, %r9, %r10, %r11, %r12, %r13, \base+320, %rdx, %rdi, 4
    ROUND %r13, %r14, %r15, %r8, %r9, %r10, %r11, %r12, \base+328, %rdi, %rdx, 4
    STEP \sched, %zmm5, %zmm6, %zmm1, %zmm2, %zmm4, 208
    ROUND %r12, %r13, %r14, %r15, %r8, %r9, %r10, %r11, \base+384, %rdx, %rdi, 4
    ROUND %r11, %r12, %r13, %r14, %r15, %r8, %r9, %r10, \base+392, %rdi, %rdx, 4
    STEP \sched, %zmm6, %zmm7, %zmm2, %zmm3, %zmm5, 224
    ROUND %r10, %r11, %r12, %r13, %r14, %r15, %r8, %r9, \base+448, %rdx, %rdi, 4
    ROUND %r9, %r10, %r11, %r12, %r13, %r14, %r15, %r8, \base+456, %rdi, %rdx, 4
    STEP \sched, %zmm7, %zmm0, %zmm3, %zmm4, %zmm6, 240
.endm

/* Loads four blocks (rsi, rsi+128, rsi+256, rsi+384) into zmm0-7 and
 * stores W+K for words 0..15. zmm12 is the byte swap. */
.macro LOAD_QUAD first
    .irp j, 0, 1, 2, 3, 4, 5, 6, 7
    vmovdqu 16*\j(\first), %xmm\j
    vinserti32x4 $1, 128+16*\j(\first), %zmm\j, %zmm\j
    vinserti32x4 $2, 256+16*\j(\first), %zmm\j, %zmm\j
    vinserti32x4 $3, 384+16*\j(\first), %zmm\j, %zmm\j
    vpshufb %zmm12, %zmm\j, %zmm\j
    vbroadcasti32x4 16*\j(%rbp), %zmm8
    vpaddq  %zmm8, %zmm\j, %zmm8
    vmovdqa64 %zmm8, 64*\j(%rsp)
    .endr
.endm

/* The rounds of block q (1..3) of four, all read from the stack. */
.macro QUAD_BLOCK q
    mov     %r9, %rdi
    xor     %r10, %rdi
    xor     %esi, %esi
10: ROUNDS16_QUAD 16*\q, none
    add     $128, %rsi
    cmp     $640, %rsi
    jb      10b
    mov     OFF_STATE(%rsp), %rax
    ADD_STATE %rax
.endm

/* Saves the callee-saved registers and sets up the 64-byte aligned
 * frame; a zero block count jumps to 9 (EPILOGUE's return). The
 * arguments end in SysV's registers, the block count in rdx: for one
 * stream (two = 0) rdi, rsi, rdx; for two (two = 1) rdi = s1, rsi = b1,
 * rdx = nblocks, rcx = b2, r8 = s2. Win64 passes the fifth argument on
 * the stack, above the return address and the 32-byte home area. */
.macro PROLOGUE two
    _CET_ENDBR
    push    %rbp
    push    %rbx
    push    %r12
    push    %r13
    push    %r14
    push    %r15
#if defined(HMAC_WIN64)
    push    %rdi
    push    %rsi
    mov     %rcx, %rdi
    mov     %rdx, %rsi
.if \two
    mov     %r9, %rcx
    mov     104(%rsp), %rdx
.else
    mov     %r8, %rdx
.endif
#else
.if \two
    xchg    %rdx, %r8
.endif
#endif
    mov     %rsp, %rax
    sub     $FRAME, %rsp
    and     $-64, %rsp
    mov     %rax, OFF_RSP(%rsp)
    test    %rdx, %rdx
    jz      9f
#if defined(HMAC_WIN64)
    .irp r, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    vmovdqu %xmm\r, OFF_XMM+16*(\r-6)(%rsp)
    .endr
#endif
.endm

/* Wipes the W+K bytes counted at off(rsp) and the vector registers,
 * restores the callee-saved registers and returns. (off is a named
 * parameter for Darwin's sake, see ADD_STATE.) */
.macro EPILOGUE off=OFF_WIPE
8:  vpxor   %xmm0, %xmm0, %xmm0
    xor     %eax, %eax
4:  vmovdqa %ymm0, 0(%rsp,%rax)
    vmovdqa %ymm0, 32(%rsp,%rax)
    vmovdqa %ymm0, 64(%rsp,%rax)
    vmovdqa %ymm0, 96(%rsp,%rax)
    add     $128, %rax
    cmp     \off(%rsp), %rax
    jb      4b
    vzeroall
#if defined(HMAC_WIN64)
    .irp r, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    vmovdqu OFF_XMM+16*(\r-6)(%rsp), %xmm\r
    .endr
#endif
9:  mov     OFF_RSP(%rsp), %rsp
#if defined(HMAC_WIN64)
    pop     %rsi
    pop     %rdi
#endif
    pop     %r15
    pop     %r14
    pop     %r13
    pop     %r12
    pop     %rbx
    pop     %rbp
    ret
.endm

/* Loads state[] (pointer in st) into r8..r15. */
.macro LOAD_STATE st
    mov     0(\st), %r8
    mov     8(\st), %r9
    mov     16(\st), %r10
    mov     24(\st), %r11
    mov     32(\st), %r12
    mov     40(\st), %r13
    mov     48(\st), %r14
    mov     56(\st), %r15
.endm

.macro SHA512_BODY sched, quad
    PROLOGUE 0
    shl     $7, %rdx
    add     %rsi, %rdx
    mov     %rdx, OFF_END(%rsp)
    mov     %rdi, OFF_STATE(%rsp)
.if \quad
    movq    $640, OFF_WIPE(%rsp)        /* raised by the paths that write more */
.else
    movq    $1280, OFF_WIPE(%rsp)
.endif
    lea     sha512_asm_k2(%rip), %rbp
    vmovdqa sha512_asm_masks(%rip), %ymm12      /* big-endian words */
    vmovdqa sha512_asm_masks+32(%rip), %ymm13   /* rotate right by 8 */
    LOAD_STATE %rdi
.if \quad
    vbroadcasti32x4 sha512_asm_masks(%rip), %zmm12
    lea     sha512_asm_k(%rip), %rbp
11: /* four blocks while there are at least four */
    lea     512(%rsi), %rcx
    cmp     OFF_END(%rsp), %rcx
    ja      12f
    mov     %rsi, OFF_IN(%rsp)
    movq    $WK_BYTES, OFF_WIPE(%rsp)
    LOAD_QUAD %rsi
    mov     %r9, %rdi
    xor     %r10, %rdi
    xor     %esi, %esi
6:  ROUNDS16_QUAD 0, SCHED_QUAD
    add     $128, %rsi
    cmp     $512, %rsi
    jb      6b
    ROUNDS16_QUAD 0, none
    mov     OFF_STATE(%rsp), %rax
    ADD_STATE %rax
    QUAD_BLOCK 1
    QUAD_BLOCK 2
    QUAD_BLOCK 3
    mov     OFF_IN(%rsp), %rsi
    add     $512, %rsi
    cmp     OFF_END(%rsp), %rsi
    jb      11b
    jmp     8f
12: lea     sha512_asm_k2(%rip), %rbp
    vmovdqa sha512_asm_masks(%rip), %ymm12
.endif
1:  /* a pair of blocks: rsi and rsi + 128; the last alone if odd (with
     * AVX-512VL, the lone-block path; with AVX2, rsi twice) */
    mov     %rsi, OFF_IN(%rsp)
    lea     128(%rsi), %rcx
    cmp     OFF_END(%rsp), %rcx
.if \quad
    jae     20f
    mov     $1280, %eax                 /* W+K to wipe: at least a pair's */
    cmp     OFF_WIPE(%rsp), %rax
    cmovb   OFF_WIPE(%rsp), %rax
    mov     %rax, OFF_WIPE(%rsp)
.else
    cmovae  %rsi, %rcx
.endif
    LOAD_PAIR %rcx
    mov     %r9, %rdi
    xor     %r10, %rdi                  /* b^c for the first round */
    xor     %esi, %esi
2:  ROUNDS16 0, \sched                  /* rounds 0..63 with the schedule */
    add     $256, %rsi
    cmp     $1024, %rsi
    jb      2b
    ROUNDS16 0, none                    /* rounds 64..79 */
    mov     OFF_STATE(%rsp), %rax
    ADD_STATE %rax
    mov     OFF_IN(%rsp), %rsi
    add     $128, %rsi
    cmp     OFF_END(%rsp), %rsi
    jae     8f
    mov     %rsi, OFF_IN(%rsp)
    mov     %r9, %rdi
    xor     %r10, %rdi
    xor     %esi, %esi
3:  ROUNDS16 16, none                   /* the second block: all 80 rounds */
    add     $256, %rsi
    cmp     $1280, %rsi
    jb      3b
    mov     OFF_STATE(%rsp), %rax
    ADD_STATE %rax
    mov     OFF_IN(%rsp), %rsi
    add     $128, %rsi
    cmp     OFF_END(%rsp), %rsi
    jb      1b
.if \quad
    jmp     8f
20: /* the last block, alone */
    lea     sha512_asm_k(%rip), %rbp
    vpxor   %xmm14, %xmm14, %xmm14
    LOAD_ONE %rsi
    mov     %r9, %rdi
    xor     %r10, %rdi
    xor     %esi, %esi
21: ROUNDS16_ONE SCHED_ONE
    add     $128, %rsi
    cmp     $512, %rsi
    jb      21b
    ROUNDS16_ONE none
    mov     OFF_STATE(%rsp), %rax
    ADD_STATE %rax
.endif
    EPILOGUE
.endm

/*
 * Two independent streams of nblocks each (two HMAC pad blocks, two
 * messages): block j of the first stream and block j of the second are
 * one pair, so one vector pass schedules both, exactly as for two
 * consecutive blocks of one stream; the first stream's rounds run with
 * the schedule, the second's read it. The states live in memory between
 * blocks (8 loads each): only the registers of the stream being hashed
 * are live.
 *
 * void sha512_compress2_*_asm(uint64_t s1[8], const uint8_t *b1,
 *                             uint64_t s2[8], const uint8_t *b2,
 *                             size_t nblocks);
 */
.macro SHA512_BODY2 sched
    PROLOGUE 1
    mov     %rdi, OFF_STATE(%rsp)
    mov     %r8, OFF_STATE2(%rsp)
    mov     %rcx, OFF_IN2(%rsp)
    shl     $7, %rdx
    add     %rsi, %rdx
    mov     %rdx, OFF_END(%rsp)
    movq    $1280, OFF_WIPE(%rsp)
    lea     sha512_asm_k2(%rip), %rbp
    vmovdqa sha512_asm_masks(%rip), %ymm12
    vmovdqa sha512_asm_masks+32(%rip), %ymm13
1:  mov     %rsi, OFF_IN(%rsp)
    mov     OFF_IN2(%rsp), %rcx
    LOAD_PAIR %rcx
    mov     OFF_STATE(%rsp), %rax
    LOAD_STATE %rax
    mov     %r9, %rdi
    xor     %r10, %rdi
    xor     %esi, %esi
2:  ROUNDS16 0, \sched
    add     $256, %rsi
    cmp     $1024, %rsi
    jb      2b
    ROUNDS16 0, none
    mov     OFF_STATE(%rsp), %rax
    ADD_STATE %rax
    mov     OFF_STATE2(%rsp), %rax
    LOAD_STATE %rax
    mov     %r9, %rdi
    xor     %r10, %rdi
    xor     %esi, %esi
3:  ROUNDS16 16, none
    add     $256, %rsi
    cmp     $1280, %rsi
    jb      3b
    mov     OFF_STATE2(%rsp), %rax
    ADD_STATE %rax
    addq    $128, OFF_IN2(%rsp)
    mov     OFF_IN(%rsp), %rsi
    add     $128, %rsi
    cmp     OFF_END(%rsp), %rsi
    jb      1b
    EPILOGUE
.endm

    .text
FUNC_BEGIN(SYM(sha512_compress_avx2_asm))
    SHA512_BODY SCHED_AVX2, 0
FUNC_END(SYM(sha512_compress_avx2_asm))

FUNC_BEGIN(SYM(sha512_compress_avx512_asm))
    SHA512_BODY SCHED_AVX512, 1
FUNC_END(SYM(sha512_compress_avx512_asm))

FUNC_BEGIN(SYM(sha512_compress2_avx2_asm))
    SHA512_BODY2 SCHED_AVX2
FUNC_END(SYM(sha512_compress2_avx2_asm))

FUNC_BEGIN(SYM(sha512_compress2_avx512_asm))
    SHA512_BODY2 SCHED_AVX512
FUNC_END(SYM(sha512_compress2_avx512_asm))

/* ---- Eight SHA-512 lanes in zmm registers (AVX-512F/BW) -----------------
 * void sha512_x8_blocks_avx512_asm(uint64_t st[64], const uint8_t *const p[8],
 *                                  size_t nblocks);
 * st: the chaining values transposed (st[8*j + i] is word j of lane i),
 * updated in place; p[i]: lane i's blocks. The same rounds as the C x8
 * kernel (sha2_x86_avx512_lanes.c) with every register placed by hand:
 * zmm0-7 the working variables, zmm16-31 the sixteen schedule words (no
 * memory: W[t+16] replaces W[t] in its register right after round t),
 * zmm8-14 temporaries, zmm15 the byte-swap mask, K added as a broadcast
 * memory operand. On AMD Zen 4, where the compiler's version spills the
 * schedule, this ran in 0.91-0.94 of its time per lane block (in cache).
 * zmm16-31 are cleared before returning (message words: HMAC's keyed
 * pad blocks run in the x4 kernel, through sha512_compress2), and
 * vzeroall clears the rest. CT: no branch but the block count's, no
 * address but the lane pointers' and the constants'.
 *
 * The round macros take the register class v (zmm here, ymm for the x4
 * loop below) and the lanes a broadcast fills, bc (8 or 4); registers
 * are named %\v\()N. */
.macro SHA512V_ROUND v, bc, a, b, c, d, e, f, g, h, k, wt
    vpaddq      (8*(\k))(%rax){1to\bc}, \h, %\v\()8 /* T1 = h + K */
    vprorq      $14, \e, %\v\()10
    vprorq      $18, \e, %\v\()11
    vprorq      $41, \e, %\v\()12
    vpternlogq  $0x96, %\v\()12, %\v\()11, %\v\()10   /* Sigma1(e) */
    vmovdqa64   \e, %\v\()9
    vpternlogq  $0xca, \g, \f, %\v\()9            /* Ch(e,f,g) */
    vpaddq      \wt, %\v\()8, %\v\()8
    vpaddq      %\v\()9, %\v\()8, %\v\()8
    vpaddq      %\v\()10, %\v\()8, %\v\()8
    vpaddq      %\v\()8, \d, \d                   /* the next e */
    vprorq      $28, \a, \h
    vprorq      $34, \a, %\v\()11
    vprorq      $39, \a, %\v\()12
    vmovdqa64   \a, %\v\()9
    vpternlogq  $0xe8, \c, \b, %\v\()9            /* Maj(a,b,c) */
    vpternlogq  $0x96, %\v\()12, %\v\()11, \h       /* Sigma0(a) */
    vpaddq      %\v\()9, \h, \h
    vpaddq      %\v\()8, \h, \h                   /* the next a */
.endm

/* wt = W[t] becomes W[t+16] = W[t] + sigma0(W[t+1]) + W[t+9] +
 * sigma1(W[t+14]). */
.macro SHA512V_SCHED v, wt, w1, w9, w14
    vprorq      $19, \w14, %\v\()13
    vprorq      $61, \w14, %\v\()14
    vpsrlq      $6, \w14, %\v\()12
    vpternlogq  $0x96, %\v\()12, %\v\()14, %\v\()13
    vpaddq      %\v\()13, \wt, \wt
    vpaddq      \w9, \wt, \wt
    vprorq      $1, \w1, %\v\()13
    vprorq      $8, \w1, %\v\()14
    vpsrlq      $7, \w1, %\v\()12
    vpternlogq  $0x96, %\v\()12, %\v\()14, %\v\()13
    vpaddq      %\v\()13, \wt, \wt
.endm

.macro SHA512V_STEP v, bc, a, b, c, d, e, f, g, h, k, wt, w1, w9, w14, sched
    SHA512V_ROUND \v, \bc, \a, \b, \c, \d, \e, \f, \g, \h, \k, \wt
.if \sched
    SHA512V_SCHED \v, \wt, \w1, \w9, \w14
.endif
.endm

/* Rounds k..k+15, the working variables renamed instead of moved (back
 * in place after eight), scheduling W[t+16] when sched is 1. */
.macro SHA512V_ROUNDS16 v, bc, k, sched
    SHA512V_STEP \v, \bc, %\v\()0, %\v\()1, %\v\()2, %\v\()3, %\v\()4, %\v\()5, %\v\()6, %\v\()7, \k+0, %\v\()16, %\v\()17, %\v\()25, %\v\()30, \sched
    SHA512V_STEP \v, \bc, %\v\()7, %\v\()0, %\v\()1, %\v\()2, %\v\()3, %\v\()4, %\v\()5, %\v\()6, \k+1, %\v\()17, %\v\()18, %\v\()26, %\v\()31, \sched
    SHA512V_STEP \v, \bc, %\v\()6, %\v\()7, %\v\()0, %\v\()1, %\v\()2, %\v\()3, %\v\()4, %\v\()5, \k+2, %\v\()18, %\v\()19, %\v\()27, %\v\()16, \sched
    SHA512V_STEP \v, \bc, %\v\()5, %\v\()6, %\v\()7, %\v\()0, %\v\()1, %\v\()2, %\v\()3, %\v\()4, \k+3, %\v\()19, %\v\()20, %\v\()28, %\v\()17, \sched
    SHA512V_STEP \v, \bc, %\v\()4, %\v\()5, %\v\()6, %\v\()7, %\v\()0, %\v\()1, %\v\()2, %\v\()3, \k+4, %\v\()20, %\v\()21, %\v\()29, %\v\()18, \sched
    SHA512V_STEP \v, \bc, %\v\()3, %\v\()4, %\v\()5, %\v\()6, %\v\()7, %\v\()0, %\v\()1, %\v\()2, \k+5, %\v\()21, %\v\()22, %\v\()30, %\v\()19, \sched
    SHA512V_STEP \v, \bc, %\v\()2, %\v\()3, %\v\()4, %\v\()5, %\v\()6, %\v\()7, %\v\()0, %\v\()1, \k+6, %\v\()22, %\v\()23, %\v\()31, %\v\()20, \sched
    SHA512V_STEP \v, \bc, %\v\()1, %\v\()2, %\v\()3, %\v\()4, %\v\()5, %\v\()6, %\v\()7, %\v\()0, \k+7, %\v\()23, %\v\()24, %\v\()16, %\v\()21, \sched
    SHA512V_STEP \v, \bc, %\v\()0, %\v\()1, %\v\()2, %\v\()3, %\v\()4, %\v\()5, %\v\()6, %\v\()7, \k+8, %\v\()24, %\v\()25, %\v\()17, %\v\()22, \sched
    SHA512V_STEP \v, \bc, %\v\()7, %\v\()0, %\v\()1, %\v\()2, %\v\()3, %\v\()4, %\v\()5, %\v\()6, \k+9, %\v\()25, %\v\()26, %\v\()18, %\v\()23, \sched
    SHA512V_STEP \v, \bc, %\v\()6, %\v\()7, %\v\()0, %\v\()1, %\v\()2, %\v\()3, %\v\()4, %\v\()5, \k+10, %\v\()26, %\v\()27, %\v\()19, %\v\()24, \sched
    SHA512V_STEP \v, \bc, %\v\()5, %\v\()6, %\v\()7, %\v\()0, %\v\()1, %\v\()2, %\v\()3, %\v\()4, \k+11, %\v\()27, %\v\()28, %\v\()20, %\v\()25, \sched
    SHA512V_STEP \v, \bc, %\v\()4, %\v\()5, %\v\()6, %\v\()7, %\v\()0, %\v\()1, %\v\()2, %\v\()3, \k+12, %\v\()28, %\v\()29, %\v\()21, %\v\()26, \sched
    SHA512V_STEP \v, \bc, %\v\()3, %\v\()4, %\v\()5, %\v\()6, %\v\()7, %\v\()0, %\v\()1, %\v\()2, \k+13, %\v\()29, %\v\()30, %\v\()22, %\v\()27, \sched
    SHA512V_STEP \v, \bc, %\v\()2, %\v\()3, %\v\()4, %\v\()5, %\v\()6, %\v\()7, %\v\()0, %\v\()1, \k+14, %\v\()30, %\v\()31, %\v\()23, %\v\()28, \sched
    SHA512V_STEP \v, \bc, %\v\()1, %\v\()2, %\v\()3, %\v\()4, %\v\()5, %\v\()6, %\v\()7, %\v\()0, \k+15, %\v\()31, %\v\()16, %\v\()24, %\v\()29, \sched
.endm

/* A block's 80 rounds on the loaded schedule, then the feed-forward into
 * st (rdi; a word of every lane is `stride` bytes). */
.macro SHA512V_BLOCK v, bc, stride
    SHA512V_ROUNDS16 \v, \bc, 0, 1
    SHA512V_ROUNDS16 \v, \bc, 16, 1
    SHA512V_ROUNDS16 \v, \bc, 32, 1
    SHA512V_ROUNDS16 \v, \bc, 48, 1
    SHA512V_ROUNDS16 \v, \bc, 64, 0
    .irp i, 0, 1, 2, 3, 4, 5, 6, 7
    vpaddq  \stride*\i(%rdi), %\v\()\i, %\v\()\i
    vmovdqu64 %\v\()\i, \stride*\i(%rdi)
    .endr
.endm

/* Half of X8_TRANSPOSE: from the unpacked pairs in a, b, c, d (v0, v1,
 * x0, x1 as temporaries), word q of every lane into a, 4+q into b, 2+q
 * into c and 6+q into d (q = 0 for t0, t2, t4, t6; 1 for t1, t3, ...). */
.macro X8_SHUF_HALF a, b, c, d, v0, v1, x0, x1
    vshufi64x2  $0x88, \b, \a, \v0
    vshufi64x2  $0xdd, \b, \a, \v1
    vshufi64x2  $0x88, \d, \c, \x0
    vshufi64x2  $0xdd, \d, \c, \x1
    vshufi64x2  $0x88, \x0, \v0, \a
    vshufi64x2  $0xdd, \x0, \v0, \b
    vshufi64x2  $0x88, \x1, \v1, \c
    vshufi64x2  $0xdd, \x1, \v1, \d
.endm

/* Rows r0-r7 (lane i's eight words in r_i) become o0-o7 (word j of every
 * lane in o_j): unpack pairs of rows into t0-t7, then 128-bit shuffles,
 * r0-r3 as temporaries, results into the t registers and moved to o. */
.macro X8_TRANSPOSE r0, r1, r2, r3, r4, r5, r6, r7, t0, t1, t2, t3, t4, t5, t6, t7, o0, o1, o2, o3, o4, o5, o6, o7
    vpunpcklqdq \r1, \r0, \t0
    vpunpckhqdq \r1, \r0, \t1
    vpunpcklqdq \r3, \r2, \t2
    vpunpckhqdq \r3, \r2, \t3
    vpunpcklqdq \r5, \r4, \t4
    vpunpckhqdq \r5, \r4, \t5
    vpunpcklqdq \r7, \r6, \t6
    vpunpckhqdq \r7, \r6, \t7
    X8_SHUF_HALF \t0, \t2, \t4, \t6, \r0, \r1, \r2, \r3 /* words 0, 4, 2, 6 */
    X8_SHUF_HALF \t1, \t3, \t5, \t7, \r0, \r1, \r2, \r3 /* words 1, 5, 3, 7 */
    vmovdqa64   \t0, \o0
    vmovdqa64   \t1, \o1
    vmovdqa64   \t4, \o2
    vmovdqa64   \t5, \o3
    vmovdqa64   \t2, \o4
    vmovdqa64   \t3, \o5
    vmovdqa64   \t6, \o6
    vmovdqa64   \t7, \o7
.endm

/* Bytes off..off+63 of each lane's block (lane pointers in r8-r15) into
 * zmm24-31. */
.macro X8_LOAD off
    vmovdqu64   \off(%r8), %zmm24
    vmovdqu64   \off(%r9), %zmm25
    vmovdqu64   \off(%r10), %zmm26
    vmovdqu64   \off(%r11), %zmm27
    vmovdqu64   \off(%r12), %zmm28
    vmovdqu64   \off(%r13), %zmm29
    vmovdqu64   \off(%r14), %zmm30
    vmovdqu64   \off(%r15), %zmm31
.endm

FUNC_BEGIN(SYM(sha512_x8_blocks_avx512_asm))
    _CET_ENDBR
    push    %r12
    push    %r13
    push    %r14
    push    %r15
    WIN64_ENTRY3
    test    %rdx, %rdx
    jz      2f
    mov     0(%rsi), %r8
    mov     8(%rsi), %r9
    mov     16(%rsi), %r10
    mov     24(%rsi), %r11
    mov     32(%rsi), %r12
    mov     40(%rsi), %r13
    mov     48(%rsi), %r14
    mov     56(%rsi), %r15
    lea     sha512_asm_k(%rip), %rax
    vbroadcasti64x4 sha512_asm_masks(%rip), %zmm15
    .irp i, 0, 1, 2, 3, 4, 5, 6, 7
    vmovdqu64 64*\i(%rdi), %zmm\i
    .endr
1:
    /* The block's first 64 bytes of each lane (words 0-7), then the
     * rest (words 8-15): transposed, then byte-swapped. */
    X8_LOAD 0
    X8_TRANSPOSE %zmm24, %zmm25, %zmm26, %zmm27, %zmm28, %zmm29, %zmm30, %zmm31, %zmm8, %zmm9, %zmm10, %zmm11, %zmm12, %zmm13, %zmm14, %zmm23, %zmm16, %zmm17, %zmm18, %zmm19, %zmm20, %zmm21, %zmm22, %zmm23
    X8_LOAD 64
    X8_TRANSPOSE %zmm24, %zmm25, %zmm26, %zmm27, %zmm28, %zmm29, %zmm30, %zmm31, %zmm8, %zmm9, %zmm10, %zmm11, %zmm12, %zmm13, %zmm14, %zmm31, %zmm24, %zmm25, %zmm26, %zmm27, %zmm28, %zmm29, %zmm30, %zmm31
    .irp i, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    vpshufb %zmm15, %zmm\i, %zmm\i
    .endr
    .irp r, r8, r9, r10, r11, r12, r13, r14, r15
    add     $128, %\r
    .endr
    SHA512V_BLOCK zmm, 8, 64
    dec     %rdx
    jnz     1b
    LANES_CLEAR zmm
2:
    WIN64_EXIT3
    pop     %r15
    pop     %r14
    pop     %r13
    pop     %r12
    ret
FUNC_END(SYM(sha512_x8_blocks_avx512_asm))

/* ---- Four SHA-512 lanes in ymm registers (AVX-512VL) -------------------
 * void sha512_x4_blocks_avx512vl_asm(uint64_t st[32],
 *                                    const uint8_t *const p[4],
 *                                    size_t nblocks);
 * st[4*j + i] is word j of lane i, updated in place. The x8 loop's rounds
 * on ymm registers (SHA512V_ROUNDS16 ymm, 4): ymm0-7 the working
 * variables, ymm16-31 the schedule, ymm8-14 temporaries, ymm15 the
 * byte-swap mask. A block's four 128-byte rows load as 16 pieces of 32
 * bytes (lane i's words 4j..4j+3 into ymm16+4j+i) and transpose in four
 * 4x4 squares (X4_SQUARE). On Zen 4 256-bit operations take one of the
 * four vector pipes where 512-bit ones take two, so four lanes here cost
 * per lane what eight cost in zmm; the C kernel, whose schedule stays in
 * memory for the wipe, ran 1.2x the x8 loop's time a lane block. The
 * schedule registers are cleared before returning, which is what the
 * wipe was for: HMAC-SHA-512's ipad and opad blocks (sha512_compress2)
 * run here. CT: as the x8 loop. */
.macro X4_SQUARE r0, r1, r2, r3
    vpunpcklqdq \r1, \r0, %ymm8
    vpunpckhqdq \r1, \r0, %ymm9
    vpunpcklqdq \r3, \r2, %ymm10
    vpunpckhqdq \r3, \r2, %ymm11
    vshufi64x2  $0, %ymm10, %ymm8, \r0   /* low halves: word 0 of each */
    vshufi64x2  $0, %ymm11, %ymm9, \r1
    vshufi64x2  $3, %ymm10, %ymm8, \r2   /* high halves: word 2 */
    vshufi64x2  $3, %ymm11, %ymm9, \r3
.endm

FUNC_BEGIN(SYM(sha512_x4_blocks_avx512vl_asm))
    _CET_ENDBR
    WIN64_ENTRY3
    test    %rdx, %rdx
    jz      2f
    mov     0(%rsi), %r8
    mov     8(%rsi), %r9
    mov     16(%rsi), %r10
    mov     24(%rsi), %r11
    lea     sha512_asm_k(%rip), %rax
    vmovdqu sha512_asm_masks(%rip), %ymm15
    .irp i, 0, 1, 2, 3, 4, 5, 6, 7
    vmovdqu64 32*\i(%rdi), %ymm\i
    .endr
1:
    vmovdqu64   0(%r8), %ymm16
    vmovdqu64   0(%r9), %ymm17
    vmovdqu64   0(%r10), %ymm18
    vmovdqu64   0(%r11), %ymm19
    vmovdqu64   32(%r8), %ymm20
    vmovdqu64   32(%r9), %ymm21
    vmovdqu64   32(%r10), %ymm22
    vmovdqu64   32(%r11), %ymm23
    vmovdqu64   64(%r8), %ymm24
    vmovdqu64   64(%r9), %ymm25
    vmovdqu64   64(%r10), %ymm26
    vmovdqu64   64(%r11), %ymm27
    vmovdqu64   96(%r8), %ymm28
    vmovdqu64   96(%r9), %ymm29
    vmovdqu64   96(%r10), %ymm30
    vmovdqu64   96(%r11), %ymm31
    X4_SQUARE %ymm16, %ymm17, %ymm18, %ymm19
    X4_SQUARE %ymm20, %ymm21, %ymm22, %ymm23
    X4_SQUARE %ymm24, %ymm25, %ymm26, %ymm27
    X4_SQUARE %ymm28, %ymm29, %ymm30, %ymm31
    .irp i, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    vpshufb %ymm15, %ymm\i, %ymm\i
    .endr
    .irp r, r8, r9, r10, r11
    add     $128, %\r
    .endr
    SHA512V_BLOCK ymm, 4, 32
    dec     %rdx
    jnz     1b
    LANES_CLEAR ymm
2:
    WIN64_EXIT3
    ret
FUNC_END(SYM(sha512_x4_blocks_avx512vl_asm))

    RODATA
    .p2align 6
/* K[2i], K[2i+1] for both halves of a ymm register (FIPS 180-4 4.2.3). */
.macro KPAIR k0, k1
    .quad \k0, \k1, \k0, \k1
.endm
sha512_asm_k2:
    KPAIR 0x428a2f98d728ae22, 0x7137449123ef65cd
    KPAIR 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc
    KPAIR 0x3956c25bf348b538, 0x59f111f1b605d019
    KPAIR 0x923f82a4af194f9b, 0xab1c5ed5da6d8118
    KPAIR 0xd807aa98a3030242, 0x12835b0145706fbe
    KPAIR 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2
    KPAIR 0x72be5d74f27b896f, 0x80deb1fe3b1696b1
    KPAIR 0x9bdc06a725c71235, 0xc19bf174cf692694
    KPAIR 0xe49b69c19ef14ad2, 0xefbe4786384f25e3
    KPAIR 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65
    KPAIR 0x2de92c6f592b0275, 0x4a7484aa6ea6e483
    KPAIR 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5
    KPAIR 0x983e5152ee66dfab, 0xa831c66d2db43210
    KPAIR 0xb00327c898fb213f, 0xbf597fc7beef0ee4
    KPAIR 0xc6e00bf33da88fc2, 0xd5a79147930aa725
    KPAIR 0x06ca6351e003826f, 0x142929670a0e6e70
    KPAIR 0x27b70a8546d22ffc, 0x2e1b21385c26c926
    KPAIR 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df
    KPAIR 0x650a73548baf63de, 0x766a0abb3c77b2a8
    KPAIR 0x81c2c92e47edaee6, 0x92722c851482353b
    KPAIR 0xa2bfe8a14cf10364, 0xa81a664bbc423001
    KPAIR 0xc24b8b70d0f89791, 0xc76c51a30654be30
    KPAIR 0xd192e819d6ef5218, 0xd69906245565a910
    KPAIR 0xf40e35855771202a, 0x106aa07032bbd1b8
    KPAIR 0x19a4c116b8d2d0c8, 0x1e376c085141ab53
    KPAIR 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8
    KPAIR 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb
    KPAIR 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3
    KPAIR 0x748f82ee5defb2fc, 0x78a5636f43172f60
    KPAIR 0x84c87814a1f0ab72, 0x8cc702081a6439ec
    KPAIR 0x90befffa23631e28, 0xa4506cebde82bde9
    KPAIR 0xbef9a3f7b2c67915, 0xc67178f2e372532b
    KPAIR 0xca273eceea26619c, 0xd186b8c721c0c207
    KPAIR 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178
    KPAIR 0x06f067aa72176fba, 0x0a637dc5a2c898a6
    KPAIR 0x113f9804bef90dae, 0x1b710b35131c471b
    KPAIR 0x28db77f523047d84, 0x32caab7b40c72493
    KPAIR 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c
    KPAIR 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a
    KPAIR 0x5fcb6fab3ad6faec, 0x6c44198c4a475817
/* K[0..79] in order, broadcast per slot by the four-block schedule. */
.macro KQUAD2 k0, k1
    .quad \k0, \k1
.endm
    .p2align 6
sha512_asm_k:
    KQUAD2 0x428a2f98d728ae22, 0x7137449123ef65cd
    KQUAD2 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc
    KQUAD2 0x3956c25bf348b538, 0x59f111f1b605d019
    KQUAD2 0x923f82a4af194f9b, 0xab1c5ed5da6d8118
    KQUAD2 0xd807aa98a3030242, 0x12835b0145706fbe
    KQUAD2 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2
    KQUAD2 0x72be5d74f27b896f, 0x80deb1fe3b1696b1
    KQUAD2 0x9bdc06a725c71235, 0xc19bf174cf692694
    KQUAD2 0xe49b69c19ef14ad2, 0xefbe4786384f25e3
    KQUAD2 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65
    KQUAD2 0x2de92c6f592b0275, 0x4a7484aa6ea6e483
    KQUAD2 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5
    KQUAD2 0x983e5152ee66dfab, 0xa831c66d2db43210
    KQUAD2 0xb00327c898fb213f, 0xbf597fc7beef0ee4
    KQUAD2 0xc6e00bf33da88fc2, 0xd5a79147930aa725
    KQUAD2 0x06ca6351e003826f, 0x142929670a0e6e70
    KQUAD2 0x27b70a8546d22ffc, 0x2e1b21385c26c926
    KQUAD2 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df
    KQUAD2 0x650a73548baf63de, 0x766a0abb3c77b2a8
    KQUAD2 0x81c2c92e47edaee6, 0x92722c851482353b
    KQUAD2 0xa2bfe8a14cf10364, 0xa81a664bbc423001
    KQUAD2 0xc24b8b70d0f89791, 0xc76c51a30654be30
    KQUAD2 0xd192e819d6ef5218, 0xd69906245565a910
    KQUAD2 0xf40e35855771202a, 0x106aa07032bbd1b8
    KQUAD2 0x19a4c116b8d2d0c8, 0x1e376c085141ab53
    KQUAD2 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8
    KQUAD2 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb
    KQUAD2 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3
    KQUAD2 0x748f82ee5defb2fc, 0x78a5636f43172f60
    KQUAD2 0x84c87814a1f0ab72, 0x8cc702081a6439ec
    KQUAD2 0x90befffa23631e28, 0xa4506cebde82bde9
    KQUAD2 0xbef9a3f7b2c67915, 0xc67178f2e372532b
    KQUAD2 0xca273eceea26619c, 0xd186b8c721c0c207
    KQUAD2 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178
    KQUAD2 0x06f067aa72176fba, 0x0a637dc5a2c898a6
    KQUAD2 0x113f9804bef90dae, 0x1b710b35131c471b
    KQUAD2 0x28db77f523047d84, 0x32caab7b40c72493
    KQUAD2 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c
    KQUAD2 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a
    KQUAD2 0x5fcb6fab3ad6faec, 0x6c44198c4a475817
sha512_asm_masks:
    /* vpshufb: byte-reverse each 64-bit word */
    .byte 7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8
    .byte 7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8
    /* vpshufb: rotate each 64-bit word right by 8 bits */
    .byte 1, 2, 3, 4, 5, 6, 7, 0, 9, 10, 11, 12, 13, 14, 15, 8
    .byte 1, 2, 3, 4, 5, 6, 7, 0, 9, 10, 11, 12, 13, 14, 15, 8

X86_ASM_END
