/* Sends UDP datagrams to 127.0.0.1:PORT at RATE packets/s for SECONDS, in sendmmsg batches; prints
 * "SENT ACHIEVED_RATE". Built by bench/live-drops.sh (cc -O2). Usage: udp_flood PORT RATE SECONDS [BYTES] */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BATCH 64

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s PORT RATE SECONDS [BYTES]\n", argv[0]);
        return 2;
    }
    int port = atoi(argv[1]);
    double rate = atof(argv[2]), seconds = atof(argv[3]);
    int bytes = argc > 4 ? atoi(argv[4]) : 64;
    static char payload[65536];
    memset(payload, 'x', sizeof payload);
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(port)};
    inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    struct mmsghdr msgs[BATCH];
    struct iovec iov[BATCH];
    memset(msgs, 0, sizeof msgs);
    for (int i = 0; i < BATCH; i++) {
        iov[i].iov_base = payload;
        iov[i].iov_len = bytes;
        msgs[i].msg_hdr.msg_iov = &iov[i];
        msgs[i].msg_hdr.msg_iovlen = 1;
        msgs[i].msg_hdr.msg_name = &to;
        msgs[i].msg_hdr.msg_namelen = sizeof to;
    }
    double start = now(), t;
    long sent = 0;
    while ((t = now() - start) < seconds) {
        long due = (long) (t * rate);
        while (sent < due) {
            int n = due - sent < BATCH ? (int) (due - sent) : BATCH;
            int r = sendmmsg(fd, msgs, n, 0);
            if (r <= 0) break;
            sent += r;
        }
        if (sent >= due) usleep(200);
    }
    printf("%ld %.0f\n", sent, sent / (now() - start));
    return 0;
}
