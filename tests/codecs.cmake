# Text codecs and streamed verification (issue 13). Included from
# tests/CMakeLists.txt after hmac_add_test() is defined.

hmac_add_test(NAME test_final_verify SOURCES test_final_verify.c LABELS api)

# Differential against libsodium's own codecs: libsodium is a test-only
# dependency (Debian: libsodium-dev), found through pkg-config.
find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(HMAC_TEST_SODIUM QUIET IMPORTED_TARGET libsodium)
endif()
if(HMAC_TEST_SODIUM_FOUND AND NOT CMAKE_CROSSCOMPILING)
  hmac_add_test(NAME test_codecs SOURCES test_codecs.c LABELS codecs)
  target_link_libraries(test_codecs PRIVATE PkgConfig::HMAC_TEST_SODIUM)
else()
  message(STATUS "test_codecs not built: libsodium not found (Debian/Ubuntu: "
                 "apt-get install libsodium-dev)")
endif()

# The constant-time test runs the codecs from its own copy of
# src/codecs.c, built with HMAC_CT_DECLASSIFY: that publishes, to valgrind,
# the class of each character (the one thing the decoders may branch on),
# so that anything else derived from the text is checked. Its definitions
# take precedence over the archive's, whose codecs.o is then never linked.
if(TARGET test_ct)
  target_sources(test_ct PRIVATE ${PROJECT_SOURCE_DIR}/src/codecs.c)
  set_source_files_properties(${PROJECT_SOURCE_DIR}/src/codecs.c
    PROPERTIES COMPILE_DEFINITIONS HMAC_CT_DECLASSIFY)
endif()
