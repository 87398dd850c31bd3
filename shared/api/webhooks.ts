import { z } from 'zod';
import { OrgId } from './common';

/** A group chat that gets the 08:00 digest: 企业微信 robot, 钉钉 robot (optional 加签 secret), or plain JSON. */
export const CreateWebhookRequest = z
  .object({
    orgId: OrgId,
    kind: z.enum(['wecom', 'dingtalk', 'json']),
    url: z
      .url({ message: '请填写完整的网址' })
      .max(500)
      .refine(
        (u) => /^https:\/\//.test(u) || /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//.test(u),
        '机器人地址必须是 https 网址',
      ),
    /** 钉钉 加签 secret (SEC…). */
    secret: z.string().min(1).max(200).optional(),
    label: z.string().trim().min(1).max(100),
  })
  .strict();
export type CreateWebhookRequest = z.infer<typeof CreateWebhookRequest>;

export const WebhookView = z.object({
  id: z.string(),
  orgId: OrgId,
  kind: z.string(),
  label: z.string(),
  urlHost: z.string(),
  createdAt: z.string(),
});
export type WebhookView = z.infer<typeof WebhookView>;

export const DeliveryView = z.object({
  id: z.number(),
  webhookId: z.string(),
  day: z.string(),
  attempts: z.number(),
  ok: z.boolean(),
  status: z.number().nullable(),
  parts: z.number(),
  error: z.string().nullable(),
  at: z.string(),
});
export type DeliveryView = z.infer<typeof DeliveryView>;

export const WebhookList = z.object({ webhooks: z.array(WebhookView) });
export const WebhookReply = z.object({ webhook: WebhookView });
export const WebhookDeleted = z.object({ deleted: z.string() });
export const DeliveryList = z.object({ deliveries: z.array(DeliveryView) });
/** `POST /v1/webhooks/:id/test`: today's digest sent now; null when there is nothing to send. */
export const DeliveryTried = z.object({
  delivery: z
    .object({
      ok: z.boolean(),
      attempts: z.number(),
      status: z.number().nullable(),
      parts: z.number(),
      error: z.string().nullable(),
    })
    .nullable(),
});

/** `POST /v1/feeds`: a read-only calendar feed of deadlines for an organisation's subtree. */
export const CreateFeedRequest = z.object({ orgId: OrgId, label: z.string().trim().min(1).max(100) }).strict();
export const FeedCreated = z.object({ tokenId: z.string(), path: z.string(), expiresAt: z.string() });
export type FeedCreated = z.infer<typeof FeedCreated>;
