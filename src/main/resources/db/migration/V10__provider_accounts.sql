-- Accounts of the company's identity provider (OpenID Connect). Such an account is linked to the provider by
-- the issuer and the subject the provider gives it, never by its e-mail address, which people and
-- directories change; and it has no password in the portal. A local account has a password and no link.
-- Written for both H2 and PostgreSQL.

ALTER TABLE portal_user ADD COLUMN provider_issuer VARCHAR(255);
ALTER TABLE portal_user ADD COLUMN provider_subject VARCHAR(255);
ALTER TABLE portal_user ALTER COLUMN password_hash DROP NOT NULL;

ALTER TABLE portal_user ADD CONSTRAINT uk_portal_user_provider UNIQUE (provider_issuer, provider_subject);
ALTER TABLE portal_user ADD CONSTRAINT ck_portal_user_sign_in CHECK (
    (provider_issuer IS NULL AND provider_subject IS NULL AND password_hash IS NOT NULL)
    OR (provider_issuer IS NOT NULL AND provider_subject IS NOT NULL AND password_hash IS NULL));
