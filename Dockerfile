# Atlas as a container: `atlas worker` by default (scheduled syncs from the queue in the warehouse).
# Build: docker build -t atlas .      Run: see docker-compose.yml, or
#   docker run --rm -e DATABASE_URL=… -e ST_CLIENT_ID=… -v $PWD/atlas.config.json:/config/atlas.config.json:ro atlas
# Checked without Docker by test/container/*.test.ts (see docs/scaling.md, "Containers").

# Stage 1: compile TypeScript with the dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: the embedded Postgres binary is not needed to compile (nor in the image).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY sandbox ./sandbox
COPY migrations ./migrations
RUN npx tsc -p tsconfig.json

# Stage 2: the runtime, production dependencies only, as the unprivileged `node` user.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY models ./models
USER node
ENTRYPOINT ["node", "dist/src/cli/main.js", "--config", "/config/atlas.config.json"]
CMD ["worker"]
