/** This kit's version, written into the bakes it makes (a test keeps it equal to package.json's). */
export const KIT_VERSION = '0.1.0';
