# The two commands of the README. Each installs what it needs first
# (scripts/setup.sh skips whatever is already installed).
.PHONY: demo test build setup serve clean bench

## Build and serve the demo site on http://127.0.0.1:8080
demo:
	scripts/setup.sh
	scripts/build.sh
	node scripts/serve.mjs 8080

## Run every test (what CI runs)
test:
	scripts/setup.sh --browser
	scripts/test.sh

# Pieces, for development.
setup:
	scripts/setup.sh --browser
build:
	scripts/build.sh
serve:
	node scripts/serve.mjs 8080
## The benchmark table (README "Benchmarks"); builds nothing. ARGS=--quick for a short run.
bench:
	node scripts/bench.mjs $(ARGS)
clean:
	cargo clean
	rm -rf web/pkg web/pkg-node www/dist tests/e2e/output
