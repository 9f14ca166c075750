#include "iomux_loops.h"

#include <errno.h>
#include <string.h>
#include <time.h>

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int nt_fd_setsize(void) { return FD_SETSIZE; }

int nt_epoll_event_size(void) { return (int)sizeof(struct epoll_event); }

void nt_time_select(const int *fds, int count, long calls, int expected_ready,
                    nt_iomux_timing *out) {
    int maxfd = -1;
    for (int i = 0; i < count; i++) {
        if (fds[i] > maxfd) maxfd = fds[i];
    }
    fd_set readfds;
    int64_t mismatches = 0;
    int ready = 0;
    int wrong = 0;
    int error = 0;
    int64_t start = now_ns();
    for (long c = 0; c < calls; c++) {
        // The real macros: with glibc, FD_ZERO clears the words and FD_SET is
        // fds_bits[fd / NFDBITS] |= 1 << (fd % NFDBITS) on the raw bytes.
        FD_ZERO(&readfds);
        for (int i = 0; i < count; i++) FD_SET(fds[i], &readfds);
        struct timeval zero = {0, 0};
        ready = select(maxfd + 1, &readfds, NULL, NULL, &zero);
        if (ready != expected_ready) {
            if (mismatches++ == 0) {
                wrong = ready;
                if (ready < 0) error = errno;
            }
        }
    }
    int64_t end = now_ns();
    out->elapsed_ns = end - start;
    out->mismatches = mismatches;
    out->first_wrong_ready = wrong;
    out->error = error;
}

void nt_time_poll(struct pollfd *pollfds, int count, long calls, int expected_ready,
                  nt_iomux_timing *out) {
    int64_t mismatches = 0;
    int ready = 0;
    int wrong = 0;
    int error = 0;
    int64_t start = now_ns();
    for (long c = 0; c < calls; c++) {
        ready = poll(pollfds, (nfds_t)count, 0);
        if (ready != expected_ready) {
            if (mismatches++ == 0) {
                wrong = ready;
                if (ready < 0) error = errno;
            }
        }
    }
    int64_t end = now_ns();
    out->elapsed_ns = end - start;
    out->mismatches = mismatches;
    out->first_wrong_ready = wrong;
    out->error = error;
}

void nt_time_epoll_wait(int epfd, void *events, int max_events, long calls,
                        int expected_ready, nt_iomux_timing *out) {
    struct epoll_event *evs = events;
    int64_t mismatches = 0;
    int ready = 0;
    int wrong = 0;
    int error = 0;
    int64_t start = now_ns();
    for (long c = 0; c < calls; c++) {
        ready = epoll_wait(epfd, evs, max_events, 0);
        if (ready != expected_ready) {
            if (mismatches++ == 0) {
                wrong = ready;
                if (ready < 0) error = errno;
            }
        }
    }
    int64_t end = now_ns();
    out->elapsed_ns = end - start;
    out->mismatches = mismatches;
    out->first_wrong_ready = wrong;
    out->error = error;
}

int nt_epoll_add_all(int epfd, const int *fds, int count, int64_t *elapsed_ns) {
    int error = 0;
    int64_t start = now_ns();
    for (int i = 0; i < count; i++) {
        struct epoll_event ev;
        memset(&ev, 0, sizeof ev);
        ev.events = EPOLLIN;  // no EPOLLET: level-triggered, so ready fds stay reported
        ev.data.fd = fds[i];
        if (epoll_ctl(epfd, EPOLL_CTL_ADD, fds[i], &ev) != 0) {
            error = errno;
            break;
        }
    }
    *elapsed_ns = now_ns() - start;
    return error;
}
