export * as schema from '$db/schema/index';
