// tRPC + Prisma: procedures with no `.input()` parser (or a cast posing as one).
import { initTRPC } from '@trpc/server';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const t = initTRPC.create();

export const postRouter = t.router({
  create: t.procedure.mutation(({ input }) => {
    const post = input as { title: string; body: string };
    return prisma.post.create({ data: { title: post.title, body: post.body } });
  }),

  update: t.procedure
    .input((raw) => raw as { id: string; title?: string; body?: string })
    .mutation(({ input }) => {
      const { id, ...changes } = input;
      return prisma.post.update({ where: { id }, data: changes });
    }),
});
