# Release builds: every target, stripped, reproducible (-trimpath, no build
# ID, no VCS stamp), with SHA-256 checksums, ready to copy to a USB stick.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
TARGETS := linux/amd64 linux/arm64 linux/386 windows/amd64 windows/386 darwin/amd64 darwin/arm64
LDFLAGS := -s -w -buildid= -X main.version=$(VERSION)

.PHONY: dist zim clean
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

# The library as a ZIM file for Kiwix (the Android, iOS and desktop apps,
# kiwix-serve): the HTML export, packed with a full-text index by
# zimwriterfs (Debian: zim-tools). GUIDES=DIR adds an organization's own
# guides (and its hotline on the cards); ZIM_PUBLISHER names who made it.
ZIM           ?= dist/defensa.zim
ZIM_HTML      ?= dist/zim-html
ZIM_PUBLISHER ?= defensa
GUIDES        ?=

zim:
	@command -v zimwriterfs >/dev/null || { echo "make zim needs zimwriterfs: apt-get install zim-tools" >&2; exit 1; }
	@mkdir -p $(dir $(ZIM)) && rm -rf $(ZIM_HTML) $(ZIM)
	go run -trimpath -ldflags "-X main.version=$(VERSION)" ./cmd/defensa export html $(ZIM_HTML) $(if $(GUIDES),--guides $(GUIDES))
	zimwriterfs --welcome=index.html --illustration=illustration.png \
		--language=eng,spa --name=defensa_mul_all \
		--title="defensa: deportation defense" \
		--description="Know-your-rights and deportation-defense guides, English and Spanish" \
		--creator=defensa --publisher="$(ZIM_PUBLISHER)" \
		--tags="immigration;legal;_category:other" --scraper="defensa $(VERSION)" \
		$(ZIM_HTML) $(ZIM)
	@printf '%s written (%s KB)\n' $(ZIM) $$(( $$(wc -c < $(ZIM)) / 1024 ))

clean:
	rm -rf dist
