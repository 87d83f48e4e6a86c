# SHA-224/384, HKDF and PBKDF2 suites (issue 6). Included from
# tests/CMakeLists.txt.
hmac_add_test(NAME test_kdf SOURCES test_kdf.c LABELS kat)
# OpenSSL's libcrypto is a test-only dependency: the library never links it.
# Used only when it compiles and links for the target (a cross build finds
# the build machine's headers in /usr/include otherwise).
find_package(OpenSSL COMPONENTS Crypto QUIET)
if(OpenSSL_FOUND)
  hmac_usable(HMAC_TEST_OPENSSL_USABLE SYMBOL PKCS5_PBKDF2_HMAC
    HEADERS openssl/evp.h LIBRARIES OpenSSL::Crypto)
endif()
if(OpenSSL_FOUND AND HMAC_TEST_OPENSSL_USABLE)
  target_compile_definitions(test_kdf PRIVATE HMAC_TEST_HAVE_OPENSSL)
  target_link_libraries(test_kdf PRIVATE OpenSSL::Crypto)
else()
  message(STATUS "libhmac: libcrypto not found for this target: PBKDF2 is not compared with OpenSSL")
endif()
