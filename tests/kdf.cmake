# SHA-224/384, HKDF and PBKDF2 suites (issue 6). Included from
# tests/CMakeLists.txt.
hmac_add_test(NAME test_kdf SOURCES test_kdf.c LABELS kat)
# OpenSSL's libcrypto is a test-only dependency: the library never links it.
find_package(OpenSSL COMPONENTS Crypto QUIET)
if(OpenSSL_FOUND)
  target_compile_definitions(test_kdf PRIVATE HMAC_TEST_HAVE_OPENSSL)
  target_link_libraries(test_kdf PRIVATE OpenSSL::Crypto)
else()
  message(STATUS "libcrypto not found: PBKDF2 is not compared with OpenSSL")
endif()
