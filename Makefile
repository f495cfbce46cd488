# Thin wrapper over CMake (see docs/ARCHITECTURE.md, "Build").
#   make            build (installs missing Debian packages first)
#   make test       build and run the whole test suite (ctest)
#   make asan       the test suite under AddressSanitizer + UBSan
#   make release-check  optimised builds with gcc and clang (-O3 finds warnings -O2 does not)
#   make bench      parser and extraction benchmarks
#   make bench-parse / bench-sizes / bench-accuracy / bench-compare / bench-warc   one of them
#                   (bench-compare: winnow vs. peers; COMPARE_ARGS="--limit 200")
#   make fuzz       build the libFuzzer targets and run each FUZZ_SECONDS
#   make install    PREFIX=/usr/local: library, header, pkg-config file, CLI, man page
#   make python     the Python package, built in place (python/winnow/; docs/PYTHON.md)
#   make bench-python  Python throughput: threads, and readability-lxml on the same pages
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CC ?= cc
FUZZ_SECONDS ?= 60
PREFIX ?= /usr/local
WN_SHARED ?= $(abspath ../shared)

PYTHON ?= /usr/bin/python3

.PHONY: all deps configure test asan bench fuzz clean bench-build bench-parse bench-sizes \
	bench-accuracy bench-compare bench-warc install python bench-python release-check

all: configure
	cmake --build $(BUILD) -j $(JOBS)

deps:
	@sh tools/install-deps.sh build

configure: deps
	@test -f $(BUILD)/CMakeCache.txt || cmake -S . -B $(BUILD) -DWN_SHARED_DIR=$(WN_SHARED) >/dev/null

test: all
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

asan: deps
	@test -f build-asan/CMakeCache.txt || CC=clang cmake -S . -B build-asan -DWN_SANITIZE=ON \
	    -DCMAKE_BUILD_TYPE=Debug -DWN_SHARED_DIR=$(WN_SHARED) >/dev/null
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    ctest --output-on-failure -j $(JOBS)

release-check: deps
	@for cc in gcc clang; do \
	    test -f build-release-$$cc/CMakeCache.txt || CC=$$cc cmake -S . -B build-release-$$cc \
	        -DCMAKE_BUILD_TYPE=Release -DWN_SHARED_DIR=$(WN_SHARED) >/dev/null || exit 1; \
	    cmake --build build-release-$$cc -j $(JOBS) >build-release-$$cc/build.log 2>&1 || \
	        { tail -n 40 build-release-$$cc/build.log; echo "release-check: $$cc build FAILED"; exit 1; }; \
	    echo "release-check: $$cc Release build clean"; \
	done

bench:
	@sh tools/install-deps.sh bench
	@test -f build-bench/CMakeCache.txt || cmake -S . -B build-bench -DWN_BENCH=ON \
	    -DCMAKE_BUILD_TYPE=Release -DWN_SHARED_DIR=$(WN_SHARED) >/dev/null
	cmake --build build-bench -j $(JOBS)
	WN_SHARED=$(WN_SHARED) sh bench/run.sh build-bench

bench-build:
	@sh tools/install-deps.sh bench
	@test -f build-bench/CMakeCache.txt || cmake -S . -B build-bench -DWN_BENCH=ON \
	    -DCMAKE_BUILD_TYPE=Release -DWN_SHARED_DIR=$(WN_SHARED) >/dev/null
	cmake --build build-bench -j $(JOBS)

bench-parse: bench-build
	WN_SHARED=$(WN_SHARED) sh bench/run.sh build-bench parse

bench-sizes: bench-build
	WN_SHARED=$(WN_SHARED) sh bench/run.sh build-bench sizes

bench-accuracy: bench-build
	WN_SHARED=$(WN_SHARED) sh bench/accuracy.sh build-bench

bench-warc: bench-build
	WN_SHARED=$(WN_SHARED) sh bench/warc.sh build-bench $(WARC_SIZES)

bench-compare: bench-build
	@test -d bench/peers/node_modules || (cd bench/peers && npm ci --no-audit --no-fund)
	WN_SHARED=$(WN_SHARED) sh bench/compare.sh --build build-bench $(COMPARE_ARGS)

fuzz: deps
	@test -f build-fuzz/CMakeCache.txt || CC=clang cmake -S . -B build-fuzz -DWN_FUZZ=ON \
	    -DWN_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
	cmake --build build-fuzz -j $(JOBS)
	FUZZ_SECONDS=$(FUZZ_SECONDS) sh fuzz/run.sh build-fuzz

python: deps
	cd python && $(PYTHON) setup.py build_ext --inplace --parallel $(JOBS)

bench-python: python
	@sh tools/install-deps.sh bench
	WN_SHARED=$(WN_SHARED) $(PYTHON) bench/bench_python.py

clean:
	rm -rf $(BUILD) build-asan build-bench build-fuzz build-release-gcc build-release-clang python/build python/winnow/_winnow*.so

install: all
	cmake --install $(BUILD) --prefix $(PREFIX)
