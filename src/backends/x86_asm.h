/*
 * x86_asm.h - what the x86-64 assembly files (sha512_x86_asm.S,
 * sha256_x86_asm.S; GNU assembler syntax, run through the C preprocessor)
 * need to build for every target the library's GNU-compatible compilers
 * reach: ELF (hidden symbols, the CET/IBT endbr64 and its property note
 * when built with -fcf-protection), Mach-O (leading underscore,
 * .private_extern, no .type/.size) and MinGW COFF (HMAC_WIN64: arguments
 * in rcx/rdx/r8, and rdi, rsi, xmm6-15 callee-saved). Names follow
 * HMAC_SYMBOL_PREFIX through internal_prefix.h. Each file ends with
 * X86_ASM_END (the non-executable stack note on ELF).
 */
#ifndef HMAC_X86_ASM_H
#define HMAC_X86_ASM_H

#include "internal_prefix.h"

#if defined(__CET__) && defined(__has_include)
#  if __has_include(<cet.h>)
#    include <cet.h> /* _CET_ENDBR and the .note.gnu.property marker */
#  endif
#endif
#ifndef _CET_ENDBR
#  define _CET_ENDBR
#endif

#if defined(_WIN32) || defined(__CYGWIN__)
#  define HMAC_WIN64 1
#endif

#if defined(__APPLE__)
#  define SYM(x) SYM_(x)
#  define SYM_(x) _##x
#  define FUNC_BEGIN(x) .globl x; .private_extern x; .p2align 6; x:
#  define FUNC_END(x)
#  define RODATA .section __TEXT,__const
#elif defined(HMAC_WIN64)
#  define SYM(x) x
#  define FUNC_BEGIN(x) .globl x; .def x; .scl 2; .type 32; .endef; .p2align 6; x:
#  define FUNC_END(x)
#  define RODATA .section .rdata,"dr"
#else
#  define SYM(x) x
#  define FUNC_BEGIN(x) .globl x; .hidden x; .type x, @function; .p2align 6; x:
#  define FUNC_END(x) .size x, .-x
#  define RODATA .section .rodata
#endif

/* For a function of three arguments that follows the System V convention
 * inside (rdi, rsi, rdx) and may clobber xmm6-15: on Win64, saves rdi,
 * rsi and xmm6-15 (callee-saved there) and moves the arguments from rcx,
 * rdx, r8; elsewhere nothing. WIN64_EXIT3 undoes it, before the ret. */
.macro WIN64_ENTRY3
#if defined(HMAC_WIN64)
    push    %rdi
    push    %rsi
    sub     $168, %rsp
    .irp r, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    vmovdqu %xmm\r, 16*(\r-6)(%rsp)
    .endr
    mov     %rcx, %rdi
    mov     %rdx, %rsi
    mov     %r8, %rdx
#endif
.endm

.macro WIN64_EXIT3
#if defined(HMAC_WIN64)
    .irp r, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    vmovdqu 16*(\r-6)(%rsp), %xmm\r
    .endr
    add     $168, %rsp
    pop     %rsi
    pop     %rdi
#endif
.endm

/* Before a lane loop returns: clears v16-v31 (v: zmm or ymm), where the
 * loops keep message words (for HMAC, key pads), and with vzeroall the
 * other vector registers. */
.macro LANES_CLEAR v
    .irp i, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    vpxord  %\v\()\i, %\v\()\i, %\v\()\i
    .endr
    vzeroall
.endm

#if defined(__ELF__)
#  define X86_ASM_END .section .note.GNU-stack, "", %progbits
#else
#  define X86_ASM_END
#endif

#endif
