# Fangpin as a container image. Build from the repository root:
#   docker build -t fangpin .
#   docker run -p 8080:8080 -v fangpin-data:/app/data fangpin
# Not tested here: the machines this project is built on have no Docker engine (see README.md).

# 1. Build the jar with the Maven wrapper and split it into layers, so a new release only ships the layers
#    that changed (usually the application, rarely the dependencies).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q package -DskipTests \
    && cp target/fangpin-*.jar application.jar \
    && java -Djarmode=tools -jar application.jar extract --layers --destination extracted

# 2. Run on the JRE as an unprivileged user. The rule set is part of the image (/app/rules, mount another
#    one over it to change the rules without rebuilding); the H2 database lives on the /app/data volume.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 fangpin \
    && useradd --system --uid 10001 --gid fangpin --home-dir /app --shell /usr/sbin/nologin fangpin
WORKDIR /app
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
COPY rules/ /app/rules/
RUN mkdir -p /app/data && chown -R fangpin:fangpin /app/data
ENV FANGPIN_RULES_DIR=/app/rules \
    FANGPIN_DATA_DIR=/app/data \
    SERVER_PORT=8080
VOLUME ["/app/data"]
EXPOSE 8080
USER fangpin:fangpin
# Probes: /actuator/health/liveness and /actuator/health/readiness (docs/operations.md).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/application.jar"]
