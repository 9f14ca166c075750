# nettutor: `make run` opens the tutor, `make test` runs every test.
# Both first install the Debian packages the build needs when they are missing.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BUILD_DEPS := libncurses-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
TEST_DEPS := tmux
BENCH_DEPS := less lowdown cmark-gfm

.PHONY: all deps test-deps build run test lint clean fuzz fuzz-build

all: build

# Install only what is absent: `dpkg -s` answers without touching the network.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call apt_install,$(BUILD_DEPS))

test-deps: deps
	$(call apt_install,$(TEST_DEPS))

build: deps
	$(SWIFT) build -c release

run: build
	.build/release/nettutor

test: test-deps
	$(SWIFT) build
	$(SWIFT) test
	.build/debug/nettutor lint Lessons

lint: deps
	$(SWIFT) build
	.build/debug/nettutor lint Lessons

clean:
	rm -rf .build

# Fuzzing (not part of `make test`): libFuzzer targets built on their own scratch path.
# Each target runs FUZZ_SECONDS (default 300) on a working copy of the seed corpus;
# crash inputs land in fuzz-artifacts/ (copy them to Tests/ReliabilityTests/Corpus/fuzz-regressions/).
FUZZ_SECONDS ?= 300
FUZZ_MAX_LEN ?= 8192
FUZZ_TARGETS ?= FuzzMarkdown FuzzQuiz
FUZZ_FLAGS := --scratch-path .build-fuzz -c release -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -use-ld=lld

fuzz-build: deps
	for t in $(FUZZ_TARGETS); do $(SWIFT) build $(FUZZ_FLAGS) --product $$t || exit 1; done

fuzz: fuzz-build
	@mkdir -p fuzz-artifacts
	@for t in $(FUZZ_TARGETS); do \
		case $$t in FuzzMarkdown) seed=markdown;; FuzzQuiz) seed=quiz;; esac; \
		work=.build-fuzz/corpus/$$seed; mkdir -p $$work; \
		echo "== $$t for $(FUZZ_SECONDS) s (corpus $$work, seeds Fuzz/corpus/$$seed)"; \
		SWIFT_BACKTRACE=enable=no .build-fuzz/release/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -max_len=$(FUZZ_MAX_LEN) \
			-artifact_prefix=fuzz-artifacts/$$t- -print_final_stats=1 \
			$$work Fuzz/corpus/$$seed Tests/ReliabilityTests/Corpus/fuzz-regressions/$$seed || exit 1; \
	done
