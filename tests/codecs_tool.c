/*
 * codecs_tool.c - a filter over libhmac's codecs for tests/codecs_python.py,
 * which checks them against Python's binascii and base64 modules.
 *
 *   codecs_tool encode   stdin: records of a 4-byte little-endian length
 *                        and that many bytes; stdout: one line per record,
 *                        "HEX B64 B64_NOPAD URL URL_NOPAD" ("-" for empty)
 *   codecs_tool decode   stdin: lines "KIND TEXT" (KIND: hex, b64,
 *                        b64np, url, urlnp; TEXT may be empty); stdout:
 *                        "OK HEX" (the decoded bytes in hex) or "ERR"
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hmac.h"

#define MAX_BIN 4096
#define MAX_TEXT (2 * MAX_BIN + 64)

static const int variants[4] = {
    hmac_base64_VARIANT_ORIGINAL, hmac_base64_VARIANT_ORIGINAL_NO_PADDING,
    hmac_base64_VARIANT_URLSAFE, hmac_base64_VARIANT_URLSAFE_NO_PADDING};

static int encode(void)
{
    static unsigned char bin[MAX_BIN];
    static char text[MAX_TEXT];
    unsigned char lenb[4];
    size_t len, v;

    while (fread(lenb, 1, 4, stdin) == 4) {
        len = (size_t)lenb[0] | (size_t)lenb[1] << 8 | (size_t)lenb[2] << 16 |
              (size_t)lenb[3] << 24;
        if (len > MAX_BIN || fread(bin, 1, len, stdin) != len) {
            return 1;
        }
        if (hmac_bin2hex(text, sizeof text, bin, len) == NULL) {
            return 1;
        }
        fputs(len ? text : "-", stdout);
        for (v = 0; v < 4; v++) {
            if (hmac_bin2base64(text, sizeof text, bin, len, variants[v]) ==
                NULL) {
                return 1;
            }
            printf(" %s", len ? text : "-");
        }
        putchar('\n');
    }
    return 0;
}

static int decode(void)
{
    static const char *const kinds[5] = {"hex", "b64", "b64np", "url", "urlnp"};
    static char line[MAX_TEXT];
    static unsigned char bin[MAX_BIN];
    static char hex[2 * MAX_BIN + 1];

    while (fgets(line, sizeof line, stdin) != NULL) {
        char *sp = strchr(line, ' ');
        size_t tlen, blen = 0, k;
        int rc = -1;

        line[strcspn(line, "\n")] = '\0';
        if (sp == NULL) {
            return 1;
        }
        *sp = '\0';
        tlen = strlen(sp + 1);
        for (k = 0; k < 5 && strcmp(line, kinds[k]) != 0; k++) {
        }
        if (k == 0) {
            rc = hmac_hex2bin(bin, sizeof bin, sp + 1, tlen, NULL, &blen, NULL);
        } else if (k < 5) {
            rc = hmac_base642bin(bin, sizeof bin, sp + 1, tlen, NULL, &blen,
                                 NULL, variants[k - 1]);
        } else {
            return 1;
        }
        if (rc == 0) {
            hmac_bin2hex(hex, sizeof hex, bin, blen);
            printf("OK %s\n", hex);
        } else {
            puts("ERR");
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "encode") == 0) {
        return encode();
    }
    if (argc == 2 && strcmp(argv[1], "decode") == 0) {
        return decode();
    }
    fprintf(stderr, "usage: codecs_tool encode|decode\n");
    return 2;
}
