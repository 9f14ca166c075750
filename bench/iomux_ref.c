// Plain C reference for the select/poll/epoll demo (issue 6): the same setup, loops and
// measuring method as the Swift module, written without it, so the two can be compared.
// Build: cc -O2 -o iomux_ref bench/iomux_ref.c
// Run:   ./iomux_ref [--fds 10,100,1000] [--active K] [--idle-thread]
//        (prints the same JSON lines as `nettutor demo iomux --json`)
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

enum { MIN_NS = 50000000, MEASUREMENTS = 5 };

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

struct set {
    int n, k, ep, maxfd;
    int *fds;
    struct pollfd *pfds;
    struct epoll_event *events;
};

static long mismatches;
static int wrong_ready;

static void note(int ready, int k) {
    if (ready != k && mismatches++ == 0) wrong_ready = ready;
}

// One measurement: `calls` checks between two clock readings, nothing else inside.
static int64_t run_select(struct set *s, long calls) {
    fd_set readfds;
    int64_t start = now_ns();
    for (long c = 0; c < calls; c++) {
        FD_ZERO(&readfds);
        for (int i = 0; i < s->n; i++) FD_SET(s->fds[i], &readfds);
        struct timeval zero = {0, 0};
        note(select(s->maxfd + 1, &readfds, NULL, NULL, &zero), s->k);
    }
    return now_ns() - start;
}

static int64_t run_poll(struct set *s, long calls) {
    int64_t start = now_ns();
    for (long c = 0; c < calls; c++) note(poll(s->pfds, (nfds_t)s->n, 0), s->k);
    return now_ns() - start;
}

static int64_t run_epoll(struct set *s, long calls) {
    int64_t start = now_ns();
    for (long c = 0; c < calls; c++) note(epoll_wait(s->ep, s->events, s->n, 0), s->k);
    return now_ns() - start;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

// Double the calls until one measurement lasts >= 50 ms; then the median of 5.
static double measure(int64_t (*run)(struct set *, long), struct set *s) {
    long calls = 1;
    while (run(s, calls) < MIN_NS) calls *= 2;
    double per_call[MEASUREMENTS];
    for (int i = 0; i < MEASUREMENTS; i++) per_call[i] = (double)run(s, calls) / (double)calls;
    qsort(per_call, MEASUREMENTS, sizeof per_call[0], cmp_double);
    return per_call[MEASUREMENTS / 2];
}

static void die(const char *what) {
    fprintf(stderr, "iomux_ref: %s: %s\n", what, strerror(errno));
    exit(1);
}

static void measure_n(int n, int k) {
    struct set s = {.n = n, .k = k, .maxfd = -1};
    s.fds = calloc((size_t)n, sizeof *s.fds);
    s.pfds = calloc((size_t)n, sizeof *s.pfds);
    s.events = calloc((size_t)n, sizeof *s.events);
    if (!s.fds || !s.pfds || !s.events) die("calloc");
    for (int i = 0; i < n; i++) {
        s.fds[i] = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (s.fds[i] < 0) die("eventfd");
        if (s.fds[i] > s.maxfd) s.maxfd = s.fds[i];
        s.pfds[i] = (struct pollfd){.fd = s.fds[i], .events = POLLIN};
    }
    uint64_t one = 1;
    for (int i = 0; i < k; i++) {  // the middle of each of K equal slices
        if (write(s.fds[(2 * i + 1) * n / (2 * k)], &one, 8) != 8) die("write");
    }
    s.ep = epoll_create1(EPOLL_CLOEXEC);
    if (s.ep < 0) die("epoll_create1");
    int64_t start = now_ns();
    for (int i = 0; i < n; i++) {
        struct epoll_event ev = {.events = EPOLLIN, .data.fd = s.fds[i]};
        if (epoll_ctl(s.ep, EPOLL_CTL_ADD, s.fds[i], &ev) != 0) die("epoll_ctl");
    }
    double ns_per_add = (double)(now_ns() - start) / n;
    printf("{\"method\": \"epoll_ctl\", \"fds\": %d, \"ns_per_add\": %.1f}\n", n, ns_per_add);

    const char *names[] = {"select", "poll", "epoll"};
    int64_t (*runs[])(struct set *, long) = {run_select, run_poll, run_epoll};
    for (int m = 0; m < 3; m++) {
        if (m == 0 && s.maxfd >= FD_SETSIZE) {
            printf("{\"method\": \"select\", \"fds\": %d, \"active\": %d, \"skipped\": "
                   "\"fd %d >= FD_SETSIZE (%d): select cannot watch it\"}\n",
                   n, k, s.maxfd, FD_SETSIZE);
            continue;
        }
        mismatches = 0;
        double ns = measure(runs[m], &s);
        printf("{\"method\": \"%s\", \"fds\": %d, \"active\": %d, \"ns_per_call\": %.1f, \"ready\": %d}\n",
               names[m], n, k, ns, mismatches ? wrong_ready : k);
        fflush(stdout);
    }
    close(s.ep);
    for (int i = 0; i < n; i++) close(s.fds[i]);
    free(s.fds);
    free(s.pfds);
    free(s.events);
}

// --idle-thread: a second thread that only waits, so the descriptor table is shared as
// it is in the demo (which measures off its UI thread); the kernel then takes an atomic
// reference per descriptor looked up by select and poll.
static void *idle(void *unused) {
    (void)unused;
    for (;;) pause();
    return NULL;
}

int main(int argc, char **argv) {
    const char *list = "10,100,1000,5000,10000";
    int k = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--idle-thread") == 0) {
            pthread_t t;
            pthread_create(&t, NULL, idle, NULL);
        } else if (i + 1 < argc && strcmp(argv[i], "--fds") == 0) {
            list = argv[++i];
        } else if (i + 1 < argc && strcmp(argv[i], "--active") == 0) {
            k = atoi(argv[++i]);
        }
    }
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    char *copy = strdup(list);
    for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) {
        int n = atoi(tok);
        if (n < 1 || k < 0 || k > n) {
            fprintf(stderr, "iomux_ref: bad N=%d or K=%d\n", n, k);
            return 1;
        }
        if ((rlim_t)n + 16 > rl.rlim_cur) {
            fprintf(stderr, "iomux_ref: N=%d does not fit under RLIMIT_NOFILE %ld\n", n, (long)rl.rlim_cur);
            return 1;
        }
        measure_n(n, k);
    }
    free(copy);
    return 0;
}
