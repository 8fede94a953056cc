import { existsSync } from 'node:fs';
import { SHARED } from './paths.js';

/** Question texts copied from ITU's web pages (../shared/real/, see its README.md); tests skip without them. */
export const REAL = `${SHARED}real/`;
export const REAL_PRESENT = existsSync(REAL);
export const REAL_PAGES = [
  'sg20-q7-en-2017-2020-itu-web.txt',
  'sg12-q12-en-2013-2016-itu-web.txt',
  'sg16-q20-en-2009-2012-itu-web.txt',
  'sg15-q19-en-2001-2004-itu-web.txt',
  'sg13-q2-en-2017-2020-proxy-web.txt',
  'itud-sg2-q9-3-en-2010-itu-web.txt',
];
