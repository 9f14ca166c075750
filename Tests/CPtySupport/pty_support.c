#define _GNU_SOURCE
#include "pty_support.h"
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int nt_openpt(void) { return posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC); }

int nt_prepare_slave(int master, char *name, unsigned long size) {
    if (grantpt(master) != 0 || unlockpt(master) != 0) return -1;
    return ptsname_r(master, name, size);
}

int nt_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int nt_spawn_addchdir(posix_spawn_file_actions_t *actions, const char *path) {
    return posix_spawn_file_actions_addchdir_np(actions, path);
}

short nt_spawn_setsid_flag(void) { return POSIX_SPAWN_SETSID; }
