/** 智慧团建's origins: the only pages allowed to embed the analysis page and post to it. */
export const HOST_ORIGINS = ['https://zhtj.youth.cn', 'https://m.zhtj.youth.cn'];
