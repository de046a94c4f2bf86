/**
 * The company's time zone before the server has said which it is: the server's own default
 * (COMPANY_TZ). Every screen takes the zone from the server's answer once it has one.
 */
export const DEFAULT_ZONE = 'Asia/Jakarta';
