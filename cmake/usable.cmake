# hmac_usable(<var> HEADERS <h...> SYMBOL <sym> [INCLUDES <dirs...>]
#             [LIBRARIES <libs or targets...>])
# Sets <var> (cached) to TRUE when a program that includes the headers and
# uses <sym> compiles AND links for the target being built. Finding a file
# is not enough: a cross compiler given only CMAKE_C_COMPILER still finds
# the build machine's libsodium through pkg-config and its OpenSSL headers
# in /usr/include, which then fail to compile or link for the target.
include(CheckSymbolExists)
function(hmac_usable var)
  cmake_parse_arguments(U "" "SYMBOL" "HEADERS;INCLUDES;LIBRARIES" ${ARGN})
  set(CMAKE_REQUIRED_INCLUDES ${U_INCLUDES})
  set(CMAKE_REQUIRED_LIBRARIES ${U_LIBRARIES})
  set(CMAKE_REQUIRED_QUIET ON)
  check_symbol_exists(${U_SYMBOL} "${U_HEADERS}" ${var})
endfunction()

# hmac_clock_gettime_libs(<var>): what a program must link for
# clock_gettime: "" (glibc and most), Threads::Threads (MinGW, where
# winpthreads has it), or NOTFOUND (MSVC).
function(hmac_clock_gettime_libs var)
  hmac_usable(HMAC_CLOCK_GETTIME SYMBOL clock_gettime HEADERS time.h)
  if(HMAC_CLOCK_GETTIME)
    set(${var} "" PARENT_SCOPE)
    return()
  endif()
  find_package(Threads QUIET)
  if(Threads_FOUND)
    hmac_usable(HMAC_CLOCK_GETTIME_THREADS SYMBOL clock_gettime HEADERS time.h
      LIBRARIES Threads::Threads)
    if(HMAC_CLOCK_GETTIME_THREADS)
      set(${var} Threads::Threads PARENT_SCOPE)
      return()
    endif()
  endif()
  set(${var} NOTFOUND PARENT_SCOPE)
endfunction()
