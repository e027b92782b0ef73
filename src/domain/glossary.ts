/**
 * Terms owners meet around ambassadors and micro-affiliates, explained in Pawtners' own words.
 * The first five are also sub-type tags on partners; tags link here.
 */
import type { PartnerKind } from './schemas';

export interface GlossaryTerm {
  term: string;
  /** Which kind it sits closest to; null when it describes a way of working for either. */
  leansTo: PartnerKind | null;
  text: string;
  /** What to look at in Pawtners to judge it with your own numbers. */
  measure: string;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    term: 'nano-ambassador',
    leansTo: null,
    text: 'A creator with a small, close-knit following who represents you like an ambassador. Sits between the two kinds: the personal touch of an ambassador at the scale of a micro-affiliate, which often earns unusual trust and good conversion.',
    measure: 'Engagement rate and cost per order of partners tagged nano-ambassador.',
  },
  {
    term: 'hyperlocal influencer',
    leansTo: 'ambassador',
    text: 'Someone known in one town or neighbourhood (the dog-park regular, the local groomer). Their pull comes from local trust, so they suit building loyalty and sales in one area.',
    measure: 'Revenue from orders in their own city, and their engagement rate.',
  },
  {
    term: 'community ambassador',
    leansTo: 'ambassador',
    text: 'A partner who is active inside a niche community (a breed club, a rescue group) and talks with people there, not just to them. Builds advocacy and long relationships rather than one-off sales.',
    measure: 'Partnership length, co-created content and repeat customers.',
  },
  {
    term: 'peer-to-peer affiliate',
    leansTo: 'affiliate',
    text: 'An affiliate who recommends you to friends and family through personal messages and small circles rather than broad posts. Fewer people reached, but each recommendation carries more weight.',
    measure: 'Orders and cost per order against their small follower count.',
  },
  {
    term: 'brand-advocate micro-tier',
    leansTo: 'affiliate',
    text: 'Happy customers turned promoters: they share your products with their own circles, usually for a code and a commission. Low cost, grassroots word of mouth and plenty of social proof.',
    measure: 'ROI and cost per order; spend is mostly commission.',
  },
  {
    term: 'ROI micro-partner',
    leansTo: 'affiliate',
    text: 'A way of describing micro-affiliates by what they return: you pay mainly for results, so spend follows sales and the return is easy to measure and often high.',
    measure: 'ROI, ROAS and CPA per kind on the Compare screen.',
  },
  {
    term: 'authenticity affiliate',
    leansTo: null,
    text: 'A partner whose recommendation sounds genuine because they really use and like the product. Long-term ambassadors usually have the edge here; an affiliate with a personal fit can match them.',
    measure: 'Engagement per post and conversion, not follower counts.',
  },
  {
    term: 'social-proof amplifier',
    leansTo: null,
    text: 'Anyone whose posts show real people happily using your products, so new customers feel safe buying. Ambassadors give steady proof to a loyal audience; many micro-affiliates give varied proof across small niches.',
    measure: 'Reach and earned media value next to engagement rate.',
  },
  {
    term: 'engagement-centric ambassador',
    leansTo: 'ambassador',
    text: 'An ambassador chosen for the conversations they spark rather than their audience size. Steady, value-led content deepens loyalty and keeps customers coming back.',
    measure: 'Engagement rate and engagement per post of your ambassadors.',
  },
  {
    term: 'conversion micro-driver',
    leansTo: 'affiliate',
    text: 'A micro-affiliate who moves a specific niche to buy quickly with personal, targeted content. Good for a fast lift in sales; ambassadors lift conversion more slowly through trust.',
    measure: 'Orders, revenue and CPA during campaigns.',
  },
];

/** The anchor of a term on the glossary page. */
export function glossarySlug(term: string): string {
  return term
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The glossary entry of a tag, if the tag is a glossary term (case-insensitive). */
export function glossaryTermFor(tag: string): GlossaryTerm | null {
  const t = tag.trim().toLowerCase();
  return GLOSSARY.find((g) => g.term.toLowerCase() === t) ?? null;
}
