# Release builds: every target, stripped, reproducible (-trimpath, no build
# ID, no VCS stamp), with SHA-256 checksums, ready to copy to a USB stick.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
TARGETS := linux/amd64 linux/arm64 linux/386 windows/amd64 windows/386 darwin/amd64 darwin/arm64
LDFLAGS := -s -w -buildid= -X main.version=$(VERSION)

.PHONY: dist clean
dist:
	@rm -rf dist && mkdir -p dist
	@for t in $(TARGETS); do \
		os=$${t%/*}; arch=$${t#*/}; ext=; [ $$os = windows ] && ext=.exe; \
		out=dist/defensa-$(VERSION)-$$os-$$arch$$ext; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch go build -trimpath -buildvcs=false \
			-ldflags "$(LDFLAGS)" -o $$out ./cmd/defensa || exit 1; \
		printf '%-48s %6s KB\n' $$out $$(( $$(wc -c < $$out) / 1024 )); \
	done
	@cd dist && sha256sum defensa-* > SHA256SUMS && echo "dist/SHA256SUMS written"

clean:
	rm -rf dist
