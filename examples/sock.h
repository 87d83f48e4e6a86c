/*
 * sock.h - the few places where BSD sockets and Winsock differ, for
 * server.c and client.c: everything else in them is the same code.
 *
 *   sock_t / SOCK_INVALID   a socket (an int on POSIX, a SOCKET on Windows)
 *   sock_startup()          WSAStartup; on POSIX ignores SIGPIPE so that a
 *                           peer that hangs up shows up as a send error
 *   sock_close(s)           close / closesocket
 *   sock_recv / sock_send   one transfer; -1 on error
 *   sock_retry()            1 if the last call was only interrupted (EINTR)
 *   sock_perror(what)       perror, with Winsock's own error code
 *   sock_lifetime(seconds)  ends the process after that long, whatever
 *                           a peer does (alarm(); a timer thread on Windows)
 */
#ifndef HMAC_EXAMPLE_SOCK_H
#define HMAC_EXAMPLE_SOCK_H

#include <stddef.h>
#include <stdio.h>

#ifdef _WIN32
#  ifndef _WIN32_WINNT
#    define _WIN32_WINNT 0x0600 /* Vista: inet_pton */
#  endif
#  include <winsock2.h>
#  include <ws2tcpip.h>
#  include <windows.h>

typedef SOCKET sock_t;
#  define SOCK_INVALID INVALID_SOCKET

static inline int sock_startup(void)
{
    WSADATA wsa;

    return WSAStartup(MAKEWORD(2, 2), &wsa) == 0 ? 0 : -1;
}

static inline void sock_close(sock_t s)
{
    (void)closesocket(s);
}

/* Winsock counts in int. */
static inline long sock_recv(sock_t s, void *buf, size_t len)
{
    return recv(s, (char *)buf, len > 65536 ? 65536 : (int)len, 0);
}

static inline long sock_send(sock_t s, const void *buf, size_t len)
{
    return send(s, (const char *)buf, len > 65536 ? 65536 : (int)len, 0);
}

static inline int sock_retry(void)
{
    return WSAGetLastError() == WSAEINTR;
}

static inline void sock_perror(const char *what)
{
    fprintf(stderr, "%s: Winsock error %d\n", what, WSAGetLastError());
}

static DWORD WINAPI sock_lifetime_thread(LPVOID seconds)
{
    Sleep((DWORD)(size_t)seconds * 1000U);
    ExitProcess(124); /* timeout(1)'s status for "ran out of time" */
    return 0;
}

static inline void sock_lifetime(unsigned seconds)
{
    HANDLE t = CreateThread(NULL, 0, sock_lifetime_thread,
                            (LPVOID)(size_t)seconds, 0, NULL);

    if (t != NULL) {
        CloseHandle(t);
    }
}

#else
#  include <arpa/inet.h>
#  include <errno.h>
#  include <netinet/in.h>
#  include <signal.h>
#  include <sys/socket.h>
#  include <unistd.h>

typedef int sock_t;
#  define SOCK_INVALID (-1)

static inline int sock_startup(void)
{
    signal(SIGPIPE, SIG_IGN);
    return 0;
}

static inline void sock_close(sock_t s)
{
    (void)close(s);
}

static inline long sock_recv(sock_t s, void *buf, size_t len)
{
    return (long)read(s, buf, len);
}

static inline long sock_send(sock_t s, const void *buf, size_t len)
{
    return (long)write(s, buf, len);
}

static inline int sock_retry(void)
{
    return errno == EINTR;
}

static inline void sock_perror(const char *what)
{
    perror(what);
}

static inline void sock_lifetime(unsigned seconds)
{
    /* The default SIGALRM action ends the process. */
    alarm(seconds);
}
#endif

#endif
