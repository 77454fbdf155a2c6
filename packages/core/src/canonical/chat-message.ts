import { z } from 'zod';
import { assistantContentPartSchema, textPartSchema, toolResultPartSchema, userContentPartSchema } from './content-part.js';

/**
 * One conversation turn. System and developer turns are kept as separate messages in
 * their original order; an adapter whose provider takes a single system field joins them.
 */
export const chatMessageSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content: z.array(textPartSchema) }),
  z.object({ role: z.literal('developer'), content: z.array(textPartSchema) }),
  z.object({ role: z.literal('user'), content: z.array(userContentPartSchema), name: z.string().optional() }),
  z.object({ role: z.literal('assistant'), content: z.array(assistantContentPartSchema), name: z.string().optional() }),
  z.object({ role: z.literal('tool'), content: z.array(toolResultPartSchema) }),
]);
export type ChatMessage = z.infer<typeof chatMessageSchema>;
export type ChatRole = ChatMessage['role'];
export type SystemMessage = Extract<ChatMessage, { role: 'system' }>;
export type UserMessage = Extract<ChatMessage, { role: 'user' }>;
export type AssistantMessage = Extract<ChatMessage, { role: 'assistant' }>;
export type ToolMessage = Extract<ChatMessage, { role: 'tool' }>;
