# Hardening suites (issue 5): API misuse, threads from a cold start, and the
# constant-time check under valgrind. Included from tests/CMakeLists.txt
# after hmac_add_test() is defined. The fuzzers live in fuzz/.

hmac_add_test(NAME test_misuse SOURCES test_misuse.c LABELS misuse)

# POSIX threads only (the test uses pthread.h): not MSVC's Win32 threads.
find_package(Threads)
if(Threads_FOUND AND CMAKE_USE_PTHREADS_INIT)
  hmac_add_test(NAME test_threads SOURCES test_threads.c LABELS threads)
  target_link_libraries(test_threads PRIVATE Threads::Threads)
else()
  message(STATUS "test_threads not built: no POSIX threads (pthread.h)")
endif()

# Constant time, checked with valgrind (the ctgrind idea): secrets are
# marked undefined, so memcheck reports any branch or address computed from
# them. Needs the client-request header <valgrind/memcheck.h> (Debian:
# package valgrind). test_ct runs plainly (a correctness check) and, when
# valgrind is installed, once more under it as test_ct_valgrind.
include(CheckIncludeFile)
check_include_file(valgrind/memcheck.h HMAC_HAVE_VALGRIND_MEMCHECK_H)
if(HMAC_HAVE_VALGRIND_MEMCHECK_H)
  hmac_add_test(NAME test_ct SOURCES test_ct.c LABELS ct)
  find_program(HMAC_VALGRIND valgrind)
  # The host's valgrind cannot run a cross-compiled test.
  if(HMAC_VALGRIND AND NOT CMAKE_CROSSCOMPILING)
    add_test(NAME test_ct_valgrind
             COMMAND ${HMAC_VALGRIND} --error-exitcode=1 --track-origins=yes
                     --quiet $<TARGET_FILE:test_ct>)
    # "valgrind" keeps .ci/valgrind.sh from running valgrind inside itself.
    set_tests_properties(test_ct_valgrind PROPERTIES LABELS "ct;valgrind"
                         TIMEOUT 600)
  else()
    message(STATUS "test_ct_valgrind not registered: valgrind not found "
                   "(test_ct still runs, without the constant-time check)")
  endif()
else()
  message(STATUS "test_ct not built: <valgrind/memcheck.h> not found "
                 "(Debian/Ubuntu: apt-get install valgrind)")
endif()

# Constant time, checked statistically (dudect): timings of fixed vs random
# secrets on every backend the CPU has, for the code valgrind cannot run
# (SHA-NI, AVX-512). About 30 s, so labelled slow: CI's quick ctest runs
# (-LE slow) leave it out; ./quickstart.sh test (CI's readme-test step)
# and `ctest -L dudect` run it. Not built for MSVC (GNU inline asm timer).
if(NOT MSVC OR CMAKE_C_COMPILER_ID MATCHES "Clang")
  hmac_add_test(NAME test_dudect SOURCES test_dudect.c LABELS "slow;dudect"
                TIMEOUT 300)
  # Alone: its timings are taken while no other test runs (ctest -j would
  # put test_long beside it on a 2-core machine).
  set_tests_properties(test_dudect PROPERTIES RUN_SERIAL TRUE)
  # clock_gettime: in winpthreads on MinGW (see cmake/usable.cmake).
  hmac_clock_gettime_libs(hmac_dudect_clock_libs)
  if(hmac_dudect_clock_libs)
    target_link_libraries(test_dudect PRIVATE ${hmac_dudect_clock_libs})
  endif()
  # sqrt and pow: libm by name, so the target's own linker finds the
  # target's libm (find_library found the build machine's in a plain
  # cross configure, and the s390x link failed).
  if(UNIX)
    target_link_libraries(test_dudect PRIVATE m)
  endif()
endif()
