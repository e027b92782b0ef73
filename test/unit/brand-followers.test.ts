import { describe, expect, it } from 'vitest';
import { followerSeries, roiTwoWays } from '../../src/domain/customers';
import { parseBrandFollowersCsv } from '../../src/io/brand-followers-csv';

describe('brand follower CSV', () => {
  it('reads month, platform and followers in any header case', () => {
    const r = parseBrandFollowersCsv(
      '\ufeffMonth,Platform,Followers\r\n2025-03,Instagram,"12,400"\r\n2025-02,tiktok,900\r\n',
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { month: '2025-03', platform: 'instagram', followers: 12400 },
      { month: '2025-02', platform: 'tiktok', followers: 900 },
    ]);
    expect(followerSeries(r.rows).get('instagram')).toEqual([
      { month: '2025-03', followers: 12400 },
    ]);
  });
  it('names each bad row by line', () => {
    const r = parseBrandFollowersCsv(
      'month,platform,followers\n2025-13,instagram,5\n2025-01,myspace,5\n2025-01,tiktok,-3\n',
    );
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([
      'Line 2: month "2025-13" must look like 2025-03',
      'Line 3: unknown platform "myspace" (use instagram, tiktok, youtube, facebook, pinterest, blog, newsletter)',
      'Line 4: followers "-3" must be a whole number of 0 or more',
    ]);
  });
  it('refuses a file without the needed columns', () => {
    expect(parseBrandFollowersCsv('date,count\n2025-01,5\n').errors).toEqual([
      'Missing column(s): month, platform, followers',
    ]);
  });
});

describe('ROI two ways', () => {
  it('counts first-order revenue and lifetime value against the same cost', () => {
    expect(roiTwoWays(10_000, 15_000, 32_000, 365)).toEqual({
      costCents: 10_000,
      attributedRevenueCents: 15_000,
      lifetimeValueCents: 32_000,
      firstOrderRoi: 0.5,
      lifetimeRoi: 2.2,
      windowDays: 365,
    });
    expect(roiTwoWays(0, 15_000, 32_000, 365).lifetimeRoi).toBeNull();
  });
});
