# qbank in a container: the release archive built in a Swift image, installed into a slim Debian.
# UNBUILT: written on a machine without a container engine; the same steps run un-containerised in
# Scripts/release.sh and Scripts/check-release.sh (a clean Debian 12 root made with debootstrap).
#   docker build -t qbank . && docker run --rm -v "$PWD:/work" qbank lint Banks
FROM swift:6.3-bookworm AS build
WORKDIR /src
COPY . .
RUN bash Scripts/setup.sh && bash Scripts/release.sh

FROM debian:bookworm-slim
COPY --from=build /src/dist/ /tmp/dist/
RUN tar -xzf /tmp/dist/qbank-*-linux-x86_64.tar.gz -C /opt \
 && ln -s /opt/qbank-*-linux-x86_64/bin/qbank /usr/local/bin/qbank \
 && rm -rf /tmp/dist \
 && qbank --version
WORKDIR /work
ENTRYPOINT ["qbank"]
CMD ["--help"]
