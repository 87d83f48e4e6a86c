#ifndef BOTH_H
#define BOTH_H
int tag_with_libhmac(unsigned char out[32], const unsigned char *m,
                     unsigned long long mlen, const unsigned char key[32]);
int tag_with_libsodium(unsigned char out[32], const unsigned char *m,
                       unsigned long long mlen, const unsigned char key[32]);
#endif
