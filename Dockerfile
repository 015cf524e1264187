# One image for every Solace service; docker-compose.yml picks the command per service.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NUXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm ci --no-audit --no-fund && bash scripts/db/generate.sh && npm run codegen && npm run build -w @solace/web
EXPOSE 4000 3000
CMD ["node", "-r", "@swc-node/register", "router/src/main.ts"]
