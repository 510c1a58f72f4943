import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  // The contracts package ships TypeScript sources (zod schemas shared with the API).
  transpilePackages: ['@localpro/contracts'],
  poweredByHeader: false,
  // `npm run typecheck` (tsc -p apps/web) checks types; skipping it here keeps the first `npm start` build short.
  typescript: { ignoreBuildErrors: true },
  // The API server forwards every non-/api request to this app (apps/server/src/web.ts).
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'x-content-type-options', value: 'nosniff' },
          { key: 'x-frame-options', value: 'DENY' },
          { key: 'referrer-policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default config;
