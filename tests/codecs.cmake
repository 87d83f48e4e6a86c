# Text codecs and streamed verification (issue 13). Included from
# tests/CMakeLists.txt after hmac_add_test() is defined.

hmac_add_test(NAME test_final_verify SOURCES test_final_verify.c LABELS api)

# Differential against libsodium's own codecs: libsodium is a test-only
# dependency (Debian: libsodium-dev), found through pkg-config.
find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(HMAC_TEST_SODIUM QUIET IMPORTED_TARGET libsodium)
endif()
# Used only when it links for the target: pkg-config hands a plain cross
# configure the build machine's libsodium.
if(HMAC_TEST_SODIUM_FOUND)
  hmac_usable(HMAC_TEST_SODIUM_USABLE SYMBOL sodium_bin2base64
    HEADERS sodium.h LIBRARIES PkgConfig::HMAC_TEST_SODIUM)
endif()
if(HMAC_TEST_SODIUM_FOUND AND HMAC_TEST_SODIUM_USABLE AND NOT CMAKE_CROSSCOMPILING)
  hmac_add_test(NAME test_codecs SOURCES test_codecs.c LABELS codecs)
  target_link_libraries(test_codecs PRIVATE PkgConfig::HMAC_TEST_SODIUM)
else()
  message(STATUS "libhmac: libsodium not found for this target: test_codecs "
                 "not built (Debian/Ubuntu: apt-get install libsodium-dev)")
endif()

# The constant-time test runs the codecs from its own copy of
# src/api/codecs.c, built with HMAC_CT_DECLASSIFY: that publishes, to valgrind,
# the class of each character (the one thing the decoders may branch on),
# so that anything else derived from the text is checked. Its definitions
# take precedence over the archive's, whose codecs.o is then never linked.
if(TARGET test_ct)
  target_sources(test_ct PRIVATE ${PROJECT_SOURCE_DIR}/src/api/codecs.c)
  set_source_files_properties(${PROJECT_SOURCE_DIR}/src/api/codecs.c
    PROPERTIES COMPILE_DEFINITIONS HMAC_CT_DECLASSIFY)
endif()

# Cross-check with Python's binascii and base64 modules (python3 >= 3.11
# for binascii's strict_mode), through a small filter program.
find_package(Python3 3.11 COMPONENTS Interpreter QUIET)
add_executable(codecs_tool codecs_tool.c)
set_target_properties(codecs_tool PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON)
target_link_libraries(codecs_tool PRIVATE hmac_internal)
target_compile_options(codecs_tool PRIVATE ${HMAC_WARNINGS})
if(Python3_Interpreter_FOUND AND NOT CMAKE_CROSSCOMPILING)
  add_test(NAME test_codecs_python
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/codecs_python.py
                   $<TARGET_FILE:codecs_tool>)
  set_tests_properties(test_codecs_python PROPERTIES LABELS codecs)
else()
  message(STATUS "test_codecs_python not registered: python3 >= 3.11 not found")
endif()
