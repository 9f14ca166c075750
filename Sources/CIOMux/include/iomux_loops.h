#ifndef NETTUTOR_IOMUX_LOOPS_H
#define NETTUTOR_IOMUX_LOOPS_H

// The timed readiness-check loops of the select/poll/epoll demo, in C so the loop
// adds nothing of its own: no allocation, no timing call and no collection work
// happens between the two clock readings (see issue 6, "what it measures").
// Swift drives the measuring method (doubling, medians); these only run `calls`
// checks and report how long they took.

#include <stdint.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/select.h>

/// What one timed loop saw: the elapsed time of all calls, read once before and once
/// after the loop, and how many calls reported a ready count other than the expected.
typedef struct nt_iomux_timing {
    int64_t elapsed_ns;
    int64_t mismatches;
    /// The ready count of the first call that disagreed (-1 when it failed);
    /// meaningful only when mismatches > 0.
    int first_wrong_ready;
    /// errno of the first failing call, 0 when none failed.
    int error;
} nt_iomux_timing;

/// FD_SETSIZE as the C library defines it: select cannot watch fd >= this.
int nt_fd_setsize(void);

/// sizeof(struct epoll_event): the x86-64 ABI packs it, so Swift allocates raw bytes.
int nt_epoll_event_size(void);

/// `calls` times: FD_ZERO, FD_SET of every fd in `fds`, then
/// select(maxfd + 1, &set, NULL, NULL, {0, 0}). The set lives on this function's stack
/// and is rebuilt before every call, as a real select loop must.
/// Every fd must be < FD_SETSIZE; the caller checks (never an out-of-range FD_SET).
void nt_time_select(const int *fds, int count, long calls, int expected_ready,
                    nt_iomux_timing *out);

/// `calls` times: poll(pollfds, count, 0) on an array the caller built once.
void nt_time_poll(struct pollfd *pollfds, int count, long calls, int expected_ready,
                  nt_iomux_timing *out);

/// `calls` times: epoll_wait(epfd, events, max_events, 0) on a level-triggered set
/// filled beforehand. `events` holds max_events * nt_epoll_event_size() bytes.
void nt_time_epoll_wait(int epfd, void *events, int max_events, long calls,
                        int expected_ready, nt_iomux_timing *out);

/// Adds every fd to `epfd` (EPOLLIN, level-triggered) with epoll_ctl(EPOLL_CTL_ADD),
/// timing all the adds together. Returns 0, or the errno of the first failing add
/// (the adds before it stay in the set; closing epfd drops them).
int nt_epoll_add_all(int epfd, const int *fds, int count, int64_t *elapsed_ns);

#endif
